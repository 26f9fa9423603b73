/**
 * Payments of orders: charged when an order is placed, declined when the account cannot pay, refunded
 * when a charged order is cancelled; one payment per order, ever.
 */
package com.javadoor.shop.paymentservice.payment;
