/**
 * Wiring that is not about one view: how this service reads the shop's events off the wire.
 */
package com.javadoor.shop.insightsservice.system;
