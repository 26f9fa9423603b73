package com.javadoor.shop.paymentservice.account;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** A customer's account: one balance in one currency. */
class Account {

    private final String id;
    private final String name;
    private final Currency currency;
    private BigDecimal balance;

    Account(String id, String name, Currency currency, BigDecimal balance) {
        this.id = id;
        this.name = name;
        this.currency = currency;
        this.balance = balance;
    }

    /** Why this account cannot pay {@code amount}; empty when it can. */
    Optional<String> refusalOf(Money amount) {
        if (!currency.equals(amount.currency())) {
            return Optional.of("Account of " + id + " is in " + currency + ", the order is in "
                    + amount.currency().getCurrencyCode());
        }
        if (amount.amount().signum() <= 0) {
            return Optional.of("Amount " + amount.amount().toPlainString() + " " + currency + " is not positive");
        }
        if (amount.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            return Optional.of("Amount " + amount.amount().toPlainString() + " " + currency + " has more decimals than "
                    + currency + " allows");
        }
        if (balance.compareTo(amount.amount()) < 0) {
            return Optional.of("Balance " + format(balance) + " does not cover " + format(amount.amount()));
        }
        return Optional.empty();
    }

    /** Takes {@code amount}, which {@link #refusalOf} accepted; returns the balance after. */
    Money debit(Money amount) {
        refusalOf(amount).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        balance = balance.subtract(amount.amount());
        return balance();
    }

    /** Gives back {@code amount}, taken earlier; returns the balance after. */
    Money credit(Money amount) {
        if (!currency.equals(amount.currency())) {
            throw new IllegalStateException("Cannot credit " + amount + " to an account in " + currency);
        }
        balance = balance.add(amount.amount());
        return balance();
    }

    CustomerId id() {
        return new CustomerId(id);
    }

    String name() {
        return name;
    }

    Money balance() {
        return new Money(balance, currency);
    }

    private String format(BigDecimal amount) {
        return amount.setScale(Math.max(amount.scale(), currency.getDefaultFractionDigits())).toPlainString() + " "
                + currency;
    }
}
