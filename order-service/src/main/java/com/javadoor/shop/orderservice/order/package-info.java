/**
 * The order: placed over REST, settled by the payment and inventory outcomes that come back as events.
 */
package com.javadoor.shop.orderservice.order;
