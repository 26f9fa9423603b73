package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.messaging.EventInbox;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TopicReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Handlings that run at the same time, as they do when several instances share the {@code orders}
 * partitions or a rebalance hands a partition over mid-batch. The events are handled here the way the
 * listener handles them (inbox, then payment processing), from threads released together; what they
 * publish still goes through the outbox to the real broker.
 */
@PaymentServiceIntegrationTest
class ConcurrentChargingIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventInbox inbox;

    @Autowired
    PaymentProcessing payments;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    /**
     * Six orders of one customer on a balance that covers five: a lost update would leave money on the
     * account, an overdraft would charge all six.
     */
    @Test
    void chargesOfOneCustomerAtTheSameTimeNeitherLoseAnUpdateNorOverdraw() throws Exception {
        CustomerId customer = scenario.customerWith("50.00");
        List<OrderPlaced> orders = IntStream.range(0, 6).mapToObj(i -> orderOf(customer, "10.00")).toList();

        for (Future<Boolean> handling : handleAllAtOnce(orders)) {
            assertThat(handling.get()).isTrue();
        }

        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("0.00");
        assertThat(statusesOf(customer)).containsExactlyInAnyOrder("CHARGED", "CHARGED", "CHARGED", "CHARGED",
                "CHARGED", "DECLINED");
        assertThat(orders.stream().map(order -> TopicReader.header(
                scenario.awaitPaymentEvents(order.orderId(), 1).get(0), EventHeaders.TYPE)).toList())
                .containsExactlyInAnyOrder("PaymentCompleted", "PaymentCompleted", "PaymentCompleted",
                        "PaymentCompleted", "PaymentCompleted", "PaymentFailed");
    }

    /**
     * One order placed twice under two event ids, both handled at once: both pass the "already paid?"
     * check before either commits, and the unique constraint on the order id fails the second charge,
     * which rolls back with its debit (the error handler would retry it, and the retry finds the payment).
     */
    @Test
    void oneOrderPlacedTwiceAtTheSameTimeIsChargedOnce() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");

        List<Object> outcomes = new ArrayList<>();
        for (Future<Boolean> handling : handleAllAtOnce(List.of(order, order))) {
            try {
                outcomes.add(handling.get());
            }
            catch (ExecutionException ex) {
                outcomes.add(ex.getCause().getClass());
            }
        }

        // The second insert fails on the unique key: a DuplicateKeyException, or its parent when the database
        // reports the violation in another way.
        assertThat(outcomes).hasSize(2).contains(true)
                .allMatch(outcome -> outcome.equals(true) || outcome instanceof Class<?> failure
                        && DataIntegrityViolationException.class.isAssignableFrom(failure));
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
        assertThat(statusesOf(customer)).containsExactly("CHARGED");
        assertThat(scenario.awaitPaymentEvents(order.orderId(), 1)).hasSize(1);
    }

    /** Each order with an OrderPlaced of its own id, handled on its own thread; all start together. */
    private List<Future<Boolean>> handleAllAtOnce(List<OrderPlaced> orders) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(orders.size());
        try {
            List<Future<Boolean>> handlings = orders.stream().map(order -> threads.submit(() -> {
                EventMetadata metadata = placedByOrderService(order);
                start.await();
                return inbox.handleOnce(metadata, () -> payments.on(order, metadata));
            })).toList();
            start.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("handled within 30 s").isTrue();
            return handlings;
        }
        finally {
            threads.shutdownNow();
        }
    }

    private List<String> statusesOf(CustomerId customer) {
        return jdbc.queryForList("SELECT status FROM payment WHERE customer_id = ?", String.class, customer.value());
    }

    private static EventMetadata placedByOrderService(OrderPlaced order) {
        UUID id = UUID.randomUUID();
        return new EventMetadata(id, "OrderPlaced", 1, "order-service", Instant.now(), order.orderId().toString(),
                id, null);
    }
}
