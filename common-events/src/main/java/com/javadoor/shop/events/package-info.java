/**
 * The contract between the services: what happened to an order, as immutable past-tense records.
 */
package com.javadoor.shop.events;
