package com.javadoor.shop.paymentservice.account;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface AccountRepository extends JpaRepository<Account, String> {

    /**
     * Reads the account with a row lock ({@code SELECT ... FOR UPDATE}) held until the transaction ends.
     * Orders of one customer have different keys, so they may sit on different partitions and be charged
     * at the same time by different consumers; two charges reading the same balance would lose an update.
     * The lock makes the second charge wait a few milliseconds for the first. Optimistic versioning would
     * fail the second charge instead and send it through the error handler's back-off, and a burst of
     * orders from one customer (a load test on dave) into the dead-letter topic once the retries ran out:
     * for one hot row that every charge writes, waiting is cheaper than retrying.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Account> findLockedById(String id);
}
