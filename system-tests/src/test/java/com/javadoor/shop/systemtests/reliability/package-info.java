/**
 * Fault-injection tests: the shop's processes and brokers are stopped, killed and flooded with repeats
 * and garbage for real, and afterwards nothing may be lost or doubled. Run with {@code -Preliability}.
 */
package com.javadoor.shop.systemtests.reliability;
