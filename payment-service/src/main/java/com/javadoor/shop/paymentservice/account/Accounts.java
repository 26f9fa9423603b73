package com.javadoor.shop.paymentservice.account;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of the service may do with an account: charge it and credit it back. Both lock the
 * account's row first, so concurrent charges of one customer run one after the other.
 *
 * <p>Orders of one customer have different keys, so they may sit on different partitions and be charged
 * at the same time by different consumers; two charges reading the same balance would lose an update.
 * The row lock ({@code SELECT ... FOR UPDATE}, held until the transaction ends) makes the second charge
 * wait a few milliseconds for the first. Optimistic versioning would fail the second charge instead and
 * send it through the error handler's back-off, and a burst of orders from one customer (a load test on
 * dave) into the dead-letter topic once the retries ran out: for one hot row that every charge writes,
 * waiting is cheaper than retrying.
 */
@Service
public class Accounts {

    private static final String COLUMNS = "customer_id, name, currency, balance";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes {@code amount} from the customer's account if it covers it, otherwise nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Charge charge(CustomerId customer, Money amount) {
        Optional<Account> found = locked(customer);
        if (found.isEmpty()) {
            return new Charge.Declined("Unknown customer " + customer);
        }
        Account account = found.get();
        Optional<String> refusal = account.refusalOf(amount);
        if (refusal.isPresent()) {
            return new Charge.Declined(refusal.get());
        }
        Money balanceAfter = account.debit(amount);
        store(account);
        return new Charge.Accepted(balanceAfter);
    }

    /** Gives back an amount charged earlier; returns the balance after. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Money credit(CustomerId customer, Money amount) {
        Account account = locked(customer).orElseThrow(() -> new AccountNotFoundException(customer.value()));
        Money balanceAfter = account.credit(amount);
        store(account);
        return balanceAfter;
    }

    List<AccountView> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY customer_id")
                .query(Accounts::account)
                .list()
                .stream()
                .map(AccountView::of)
                .toList();
    }

    AccountView find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE customer_id = ?")
                .param(id)
                .query(Accounts::account)
                .optional()
                .map(AccountView::of)
                .orElseThrow(() -> new AccountNotFoundException(id));
    }

    private Optional<Account> locked(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE customer_id = ? FOR UPDATE")
                .param(customer.value())
                .query(Accounts::account)
                .optional();
    }

    private void store(Account account) {
        jdbc.sql("UPDATE account SET balance = ? WHERE customer_id = ?")
                .params(account.balance().amount(), account.id().value())
                .update();
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        return new Account(row.getString("customer_id"), row.getString("name"),
                Currency.getInstance(row.getString("currency")), row.getBigDecimal("balance"));
    }
}
