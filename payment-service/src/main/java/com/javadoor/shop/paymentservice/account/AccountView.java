package com.javadoor.shop.paymentservice.account;

import java.math.BigDecimal;

/** An account as the REST API shows it. */
record AccountView(String id, String name, BigDecimal balance, String currency) {

    static AccountView of(Account account) {
        return new AccountView(account.id().value(), account.name(), account.balance().amount(),
                account.balance().currency().getCurrencyCode());
    }
}
