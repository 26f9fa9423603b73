package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.StockLevel;
import com.javadoor.shop.messaging.EventMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order is read once a transaction, so the outcome listener, which handles a poll's records in one
 * transaction, settles an order whose two outcomes came together without reading it twice; and nothing
 * read in one transaction is seen by another.
 */
@OrderServiceIntegrationTest
class OrdersInTransactionIntegrationTests {

    @Autowired
    OrderManagement management;

    @Autowired
    Orders orders;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readsAnOrderOnceInATransactionAndAfreshInTheNext() {
        OrderId id = placeOrder();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Order first = transaction.execute(status -> {
            Order read = orders.find(id).orElseThrow();
            assertThat(orders.find(id)).containsSame(read);
            return read;
        });
        Order next = transaction.execute(status -> orders.find(id).orElseThrow());

        assertThat(next).isNotSameAs(first);
        assertThat(orders.find(id).orElseThrow()).as("outside a transaction").isNotSameAs(orders.find(id).orElseThrow());
    }

    @Test
    void settlesAnOrderFromBothOutcomesInOneTransaction() {
        OrderId id = placeOrder();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            management.on(new PaymentCompleted(id, new CustomerId("alice"), total(), total()),
                    outcome("PaymentCompleted", id));
            management.on(new InventoryUpdated(id, List.of(new StockLevel(new ProductId("keyboard"), 2, 98))),
                    outcome("InventoryUpdated", id));
        });

        OrderView settled = management.view(id);
        assertThat(settled.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(settled.history()).extracting(HistoryEntry::event)
                .containsExactly("OrderPlaced", "PaymentCompleted", "InventoryUpdated", "OrderConfirmed");
        // Stored with the version the second update left: a later change in another transaction still fits.
        transaction.executeWithoutResult(status -> management.on(
                new PaymentRefunded(id, new CustomerId("alice"), total(), total()), outcome("PaymentRefunded", id)));
        assertThat(management.view(id).history()).hasSize(5);
    }

    @Test
    void forgetsWhatARolledBackTransactionChanged() {
        OrderId id = placeOrder();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            orders.find(id).orElseThrow().paymentReported(true, "PaymentCompleted", Instant.now(), "not stored");
            status.setRollbackOnly();
        });

        StepOutcome payment = transaction.execute(status -> orders.find(id).orElseThrow().payment());
        assertThat(payment).isEqualTo(StepOutcome.AWAITED);
    }

    @Test
    void hidesItsOrdersFromATransactionThatRunsOnItsOwn() {
        OrderId id = placeOrder();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            Order read = orders.find(id).orElseThrow();
            read.paymentReported(true, "PaymentCompleted", Instant.now(), "not stored yet");
            StepOutcome seenOnItsOwn = inner.execute(nested -> orders.find(id).orElseThrow().payment());
            assertThat(seenOnItsOwn).isEqualTo(StepOutcome.AWAITED);
            assertThat(orders.find(id)).containsSame(read);
        });
    }

    private OrderId placeOrder() {
        return management.place(new PlaceOrder(new CustomerId("alice"), "alice@example.com",
                Currency.getInstance("EUR"), List.of(new OrderLineItem("keyboard", 2, new BigDecimal("12.50"))))).id();
    }

    private static Money total() {
        return Money.of("25.00", "EUR");
    }

    private static EventMetadata outcome(String type, OrderId id) {
        UUID eventId = UUID.randomUUID();
        return new EventMetadata(eventId, type, 1, "test", Instant.now(), id.toString(), eventId, null);
    }
}
