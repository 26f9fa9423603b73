package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.ProductId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order aggregate. It is placed {@code PENDING}; payment and inventory each report one outcome, in
 * whatever order they arrive; the first failure cancels it, two successes confirm it. Outcomes that come
 * after the order is final only join its history: the compensation for them is triggered by the
 * {@code OrderCancelled} event, which the participants read after their own outcome.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;
    private String customerId;
    private String customerEmail;
    private String currency;
    private BigDecimal total;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private StepOutcome payment;
    @Enumerated(EnumType.STRING)
    private StepOutcome inventory;
    private String cancellationReason;
    private Instant placedAt;
    private UUID placedEventId;
    /** Payment and inventory outcomes may be handled at once; the second writer retries. */
    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLineItem> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "order_history", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<HistoryEntry> history = new ArrayList<>();

    protected Order() {
    }

    static Order place(CustomerId customerId, String customerEmail, Currency currency, List<OrderLineItem> lines,
            Instant at) {
        Order order = new Order();
        order.id = OrderId.random().value();
        order.customerId = customerId.value();
        order.customerEmail = customerEmail;
        order.currency = currency.getCurrencyCode();
        order.lines.addAll(lines);
        order.total = lines.stream().map(OrderLineItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        order.status = OrderStatus.PENDING;
        order.payment = StepOutcome.AWAITED;
        order.inventory = StepOutcome.AWAITED;
        order.placedAt = at;
        order.history.add(new HistoryEntry("OrderPlaced", at, null));
        return order;
    }

    Optional<OrderStatus> paymentReported(boolean succeeded, String event, Instant at, String detail) {
        history.add(new HistoryEntry(event, at, detail));
        if (payment == StepOutcome.AWAITED) {
            payment = succeeded ? StepOutcome.SUCCEEDED : StepOutcome.FAILED;
        }
        return settle(succeeded ? null : "Payment declined: " + detail, at);
    }

    Optional<OrderStatus> inventoryReported(boolean succeeded, String event, Instant at, String detail) {
        history.add(new HistoryEntry(event, at, detail));
        if (inventory == StepOutcome.AWAITED) {
            inventory = succeeded ? StepOutcome.SUCCEEDED : StepOutcome.FAILED;
        }
        return settle(succeeded ? null : "Out of stock: " + detail, at);
    }

    /** Remembers which event announced the order: the chain every later event of the order joins. */
    void announcedBy(UUID eventId) {
        placedEventId = eventId;
    }

    /**
     * The saga deadline passed without both outcomes: the order is cancelled, and the participants undo
     * what they may still do for it when they read the cancellation after the placement.
     */
    Optional<OrderStatus> expire(String reason, Instant at) {
        return settle(reason, at);
    }

    /** A compensation done by a participant; it changes nothing but the history. */
    void compensated(String event, Instant at, String detail) {
        history.add(new HistoryEntry(event, at, detail));
    }

    private Optional<OrderStatus> settle(String failure, Instant at) {
        if (status != OrderStatus.PENDING) {
            return Optional.empty();
        }
        if (failure != null) {
            status = OrderStatus.CANCELLED;
            cancellationReason = failure;
            history.add(new HistoryEntry("OrderCancelled", at, failure));
        }
        else if (payment == StepOutcome.SUCCEEDED && inventory == StepOutcome.SUCCEEDED) {
            status = OrderStatus.CONFIRMED;
            history.add(new HistoryEntry("OrderConfirmed", at, null));
        }
        else {
            return Optional.empty();
        }
        return Optional.of(status);
    }

    public OrderId id() {
        return new OrderId(id);
    }

    public CustomerId customerId() {
        return new CustomerId(customerId);
    }

    public String customerEmail() {
        return customerEmail;
    }

    public OrderStatus status() {
        return status;
    }

    public Money total() {
        return new Money(total, Currency.getInstance(currency));
    }

    public Optional<String> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Optional<UUID> placedEventId() {
        return Optional.ofNullable(placedEventId);
    }

    public List<OrderLine> lines() {
        Currency unit = Currency.getInstance(currency);
        return lines.stream()
                .map(line -> new OrderLine(new ProductId(line.productId()), line.quantity(),
                        new Money(line.unitPrice(), unit)))
                .toList();
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
