/**
 * Wiring that is not about orders: the topic this service owns, and how errors look on the REST API.
 */
package com.javadoor.shop.orderservice.system;
