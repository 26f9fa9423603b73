/**
 * Wiring that is not about stock: the topics this service declares, how errors look on the REST API, and
 * the title of its OpenAPI document.
 */
package com.javadoor.shop.inventoryservice.system;
