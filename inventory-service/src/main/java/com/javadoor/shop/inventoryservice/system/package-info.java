/**
 * Wiring that is not about stock: the topics this service declares, and how errors look on the REST API.
 */
package com.javadoor.shop.inventoryservice.system;
