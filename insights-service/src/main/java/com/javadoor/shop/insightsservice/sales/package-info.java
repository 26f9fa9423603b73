/**
 * Sales per product, counted exactly once by a Kafka Streams topology over the orders topic.
 */
package com.javadoor.shop.insightsservice.sales;
