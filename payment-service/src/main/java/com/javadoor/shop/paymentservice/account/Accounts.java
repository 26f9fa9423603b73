package com.javadoor.shop.paymentservice.account;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of the service may do with an account: charge it and credit it back. Both lock the
 * account's row first, so concurrent charges of one customer run one after the other.
 */
@Service
@Transactional
public class Accounts {

    private final AccountRepository accounts;

    Accounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Takes {@code amount} from the customer's account if it covers it, otherwise nothing. */
    public Charge charge(CustomerId customer, Money amount) {
        Optional<Account> found = accounts.findLockedById(customer.value());
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
        return accounts.findLockedById(customer.value())
                .orElseThrow(() -> new AccountNotFoundException(customer.value()))
                .credit(amount);
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
