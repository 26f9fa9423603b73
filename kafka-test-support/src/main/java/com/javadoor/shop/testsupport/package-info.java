/**
 * A real Kafka broker under every test, and ways to look at what reached it.
 */
package com.javadoor.shop.testsupport;
