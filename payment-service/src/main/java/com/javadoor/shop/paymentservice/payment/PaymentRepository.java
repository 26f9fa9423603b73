package com.javadoor.shop.paymentservice.payment;

import jakarta.persistence.QueryHint;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    /**
     * Without a flush first: a payment is inserted the moment it is saved (the database makes its id), so
     * the row is there to be found, and one already in the transaction comes back as that same object; a
     * flush would check every entity of the poll's transaction for changes, at every event, a cost that
     * grows with the square of the poll (docs/BENCHMARKS.md).
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    Optional<Payment> findByOrderId(UUID orderId);
}
