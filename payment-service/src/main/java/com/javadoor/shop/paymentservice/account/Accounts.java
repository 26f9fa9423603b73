package com.javadoor.shop.paymentservice.account;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
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
 * waiting is cheaper than retrying. The lock is taken with {@code find}, not a query: an account this
 * transaction has locked already (a poll of orders of one customer) comes from the persistence context,
 * with no SQL and no flush of the poll's changes so far.
 */
@Service
@Transactional
public class Accounts {

    private final AccountRepository accounts;
    private final EntityManager entityManager;

    Accounts(AccountRepository accounts, EntityManager entityManager) {
        this.accounts = accounts;
        this.entityManager = entityManager;
    }

    /** Takes {@code amount} from the customer's account if it covers it, otherwise nothing. */
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
        return new Charge.Accepted(account.debit(amount));
    }

    /** Gives back an amount charged earlier; returns the balance after. */
    public Money credit(CustomerId customer, Money amount) {
        return locked(customer)
                .orElseThrow(() -> new AccountNotFoundException(customer.value()))
                .credit(amount);
    }

    private Optional<Account> locked(CustomerId customer) {
        return Optional.ofNullable(entityManager.find(Account.class, customer.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Transactional(readOnly = true)
    List<AccountView> all() {
        return accounts.findAll(Sort.by("id")).stream().map(AccountView::of).toList();
    }

    @Transactional(readOnly = true)
    AccountView find(String id) {
        return accounts.findById(id).map(AccountView::of).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
