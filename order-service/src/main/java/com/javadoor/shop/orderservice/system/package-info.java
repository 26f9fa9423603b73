/**
 * Wiring that is not about orders: the topic this service owns, how errors look on the REST API, and the
 * title of its OpenAPI document.
 */
package com.javadoor.shop.orderservice.system;
