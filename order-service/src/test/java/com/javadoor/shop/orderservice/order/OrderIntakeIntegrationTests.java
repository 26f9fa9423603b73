package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javadoor.shop.events.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake on its own, with the service's real placement and database. Each test builds an intake
 * whose writer is not started yet, so what it queues is known before the first batch is taken.
 */
@OrderServiceIntegrationTest
class OrderIntakeIntegrationTests {

    @Autowired
    IdempotentPlacement placement;

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private OrderIntake intake;

    @AfterEach
    void stopIntake() {
        if (intake != null) {
            intake.stop();
        }
    }

    @Test
    void ordersWaitingTogetherAreStoredTogetherAndOnlyTheOneAtFaultFails() {
        String customer = "c-" + UUID.randomUUID();
        String reusedKey = UUID.randomUUID().toString();
        placement.place(order(customer, 1), reusedKey);
        intake = unstartedIntake(10, 10);

        CompletableFuture<OrderView> first = intake.submit(order(customer, 2), null);
        CompletableFuture<OrderView> reused = intake.submit(order(customer, 3), reusedKey);
        CompletableFuture<OrderView> keyed = intake.submit(order(customer, 4), UUID.randomUUID().toString());
        intake.start();

        assertThat(first.join().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(keyed.join().status()).isEqualTo(OrderStatus.PENDING);
        assertThatThrownBy(reused::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(jdbc.queryForList("SELECT CAST(id AS VARCHAR) FROM orders WHERE customer_id = ?", String.class, customer))
                .hasSize(3).contains(first.join().id(), keyed.join().id());
    }

    @Test
    void aFullIntakeRefusesAtOnceAndStillAnswersThoseItTook() {
        String customer = "c-" + UUID.randomUUID();
        intake = unstartedIntake(2, 10);
        CompletableFuture<OrderView> first = intake.submit(order(customer, 1), null);
        CompletableFuture<OrderView> second = intake.submit(order(customer, 1), null);

        assertThatThrownBy(() -> intake.submit(order(customer, 1), null))
                .isInstanceOf(OrderIntakeFullException.class)
                .hasMessageContaining("2 orders are already waiting to be stored")
                .extracting(ex -> ((OrderIntakeFullException) ex).retryAfter()).isEqualTo(Duration.ofSeconds(1));

        intake.start();
        assertThat(List.of(first.join().id(), second.join().id())).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(2);
    }

    @Test
    void stoppingStoresWhatIsStillWaitingAndTakesNoMore() {
        String customer = "c-" + UUID.randomUUID();
        intake = unstartedIntake(10, 2);
        List<CompletableFuture<OrderView>> waiting = List.of(intake.submit(order(customer, 1), null),
                intake.submit(order(customer, 1), null), intake.submit(order(customer, 1), null));

        intake.start();
        intake.stop();

        assertThat(waiting).allMatch(answer -> answer.isDone() && !answer.isCompletedExceptionally());
        assertThatThrownBy(() -> intake.submit(order(customer, 1), null))
                .isInstanceOf(OrderIntakeFullException.class).hasMessageContaining("shutting down");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(3);
    }

    @Test
    void refusesOrdersWhileTooManyWaitForTheirOutcomes() {
        String customer = "c-" + UUID.randomUUID();
        placement.place(order(customer, 1), null);
        long pending = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE status = 'PENDING'", Long.class);
        intake = unstartedIntake(10, pending + 2, 10);
        intake.start();

        // Nothing settles orders in this test: each one taken adds to the backlog until the limit is reached.
        int taken = 0;
        while (taken < 10) {
            try {
                intake.place(order(customer, 1), null);
                taken++;
            }
            catch (OrderIntakeFullException refused) {
                assertThat(refused).hasMessageContaining("orders are waiting for their outcomes; try again in 1 s");
                break;
            }
        }
        assertThat(taken).isBetween(1, 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(1 + taken);
    }

    private OrderIntake unstartedIntake(int capacity, int batchSize) {
        return unstartedIntake(capacity, Integer.MAX_VALUE, batchSize);
    }

    private OrderIntake unstartedIntake(int capacity, long maxPending, int batchSize) {
        return new OrderIntake(placement, orders, transaction, new OrderProperties(Duration.ofMinutes(2),
                Duration.ofSeconds(5), new OrderProperties.Intake(capacity, Math.toIntExact(maxPending), batchSize,
                        Duration.ofSeconds(1))));
    }

    private static PlaceOrder order(String customer, int quantity) {
        return new PlaceOrder(new CustomerId(customer), "alice@example.com", Currency.getInstance("EUR"),
                List.of(new OrderLineItem("keyboard", quantity, new BigDecimal("12.50"))));
    }
}
