package com.javadoor.shop.paymentservice.account;

/** No account for that customer id; the REST API answers 404. */
public class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(String id) {
        super("No customer " + id);
    }
}
