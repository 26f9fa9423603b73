/**
 * Wiring that is not about accounts or payments: the topics this service declares, and how errors look
 * on the REST API.
 */
package com.javadoor.shop.paymentservice.system;
