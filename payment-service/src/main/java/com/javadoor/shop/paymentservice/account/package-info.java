/**
 * Customer accounts and their balances: charged and credited under a row lock, listed over REST.
 */
package com.javadoor.shop.paymentservice.account;
