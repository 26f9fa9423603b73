/**
 * The live activity feed: the newest events of the shop, read at most once.
 */
package com.javadoor.shop.insightsservice.activity;
