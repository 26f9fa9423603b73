package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTests {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final Order order = Order.place(new CustomerId("alice"), "alice@example.com", Currency.getInstance("EUR"),
            List.of(new OrderLineItem("keyboard", 2, new BigDecimal("12.50")),
                    new OrderLineItem("mouse", 1, new BigDecimal("20.00"))),
            NOW);

    @Test
    void isPlacedPendingWithItsTotal() {
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total().amount()).isEqualByComparingTo("45.00");
        assertThat(order.history()).extracting(HistoryEntry::event).containsExactly("OrderPlaced");
    }

    @Test
    void confirmsOnlyWhenBothPaymentAndInventorySucceeded() {
        assertThat(order.paymentReported(true, "PaymentCompleted", NOW, null)).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

        assertThat(order.inventoryReported(true, "InventoryUpdated", NOW, null)).contains(OrderStatus.CONFIRMED);
        assertThat(order.cancellationReason()).isEmpty();
    }

    @Test
    void confirmsWhateverOrderTheOutcomesArriveIn() {
        assertThat(order.inventoryReported(true, "InventoryUpdated", NOW, null)).isEmpty();
        assertThat(order.paymentReported(true, "PaymentCompleted", NOW, null)).contains(OrderStatus.CONFIRMED);
    }

    @Test
    void cancelsOnTheFirstFailureWithItsReason() {
        assertThat(order.paymentReported(false, "PaymentFailed", NOW, "no money")).contains(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains("Payment declined: no money");
    }

    @Test
    void cancelsWhenStockIsShortEvenAfterPaymentSucceeded() {
        order.paymentReported(true, "PaymentCompleted", NOW, null);

        assertThat(order.inventoryReported(false, "InventoryRejected", NOW, "none left")).contains(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains("Out of stock: none left");
    }

    @Test
    void anOutcomeAfterTheOrderIsFinalOnlyJoinsTheHistory() {
        order.paymentReported(false, "PaymentFailed", NOW, "no money");

        assertThat(order.inventoryReported(true, "InventoryUpdated", NOW, null)).isEmpty();
        assertThat(order.inventoryReported(false, "InventoryRejected", NOW, "none")).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains("Payment declined: no money");
        assertThat(order.history()).extracting(HistoryEntry::event).containsExactly("OrderPlaced", "PaymentFailed",
                "OrderCancelled", "InventoryUpdated", "InventoryRejected");
    }
}
