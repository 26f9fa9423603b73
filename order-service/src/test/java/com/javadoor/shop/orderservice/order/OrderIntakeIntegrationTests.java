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
                .hasMessageContaining("2 orders are already waiting")
                .extracting(ex -> ((OrderIntakeFullException) ex).retryAfter()).isEqualTo(Duration.ofSeconds(1));

        intake.start();
        assertThat(List.of(first.join().id(), second.join().id())).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(2);
    }

    @Test
    void stoppingStoresWhatIsStillWaiting() {
        String customer = "c-" + UUID.randomUUID();
        intake = unstartedIntake(10, 2);
        List<CompletableFuture<OrderView>> waiting = List.of(intake.submit(order(customer, 1), null),
                intake.submit(order(customer, 1), null), intake.submit(order(customer, 1), null));

        intake.start();
        intake.stop();

        assertThat(waiting).allMatch(answer -> answer.isDone() && !answer.isCompletedExceptionally());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(3);
    }

    private OrderIntake unstartedIntake(int capacity, int batchSize) {
        return new OrderIntake(placement, transaction, new OrderProperties(Duration.ofMinutes(2), Duration.ofSeconds(5),
                new OrderProperties.Intake(capacity, batchSize, Duration.ofSeconds(1))));
    }

    private static PlaceOrder order(String customer, int quantity) {
        return new PlaceOrder(new CustomerId(customer), "alice@example.com", Currency.getInstance("EUR"),
                List.of(new OrderLineItem("keyboard", quantity, new BigDecimal("12.50"))));
    }
}
