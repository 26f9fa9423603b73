package com.javadoor.shop.paymentservice.account;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** A customer's account: one balance in one currency. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @Column(name = "customer_id")
    private String id;
    private String name;
    private String currency;
    private BigDecimal balance;

    protected Account() {
    }

    /** Why this account cannot pay {@code amount}; empty when it can. */
    Optional<String> refusalOf(Money amount) {
        Currency own = Currency.getInstance(currency);
        if (!own.equals(amount.currency())) {
            return Optional.of("Account of " + id + " is in " + currency + ", the order is in "
                    + amount.currency().getCurrencyCode());
        }
        if (amount.amount().signum() <= 0) {
            return Optional.of("Amount " + amount.amount().toPlainString() + " " + currency + " is not positive");
        }
        if (amount.amount().stripTrailingZeros().scale() > own.getDefaultFractionDigits()) {
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
        if (!Currency.getInstance(currency).equals(amount.currency())) {
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
        return new Money(balance, Currency.getInstance(currency));
    }

    private String format(BigDecimal amount) {
        Currency own = Currency.getInstance(currency);
        return amount.setScale(Math.max(amount.scale(), own.getDefaultFractionDigits())).toPlainString() + " "
                + currency;
    }
}
