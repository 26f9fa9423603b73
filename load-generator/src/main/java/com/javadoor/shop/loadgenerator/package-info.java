/**
 * Places orders on the running shop at a chosen rate, follows each to its final state on the orders topic,
 * and measures throughput, latency and what the shop's processes spent on it, next to the broker's raw ceiling.
 */
package com.javadoor.shop.loadgenerator;
