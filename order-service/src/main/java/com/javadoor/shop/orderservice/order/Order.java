package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.ProductId;
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
public class Order {

    private final UUID id;
    private final String customerId;
    private final String customerEmail;
    private final Currency currency;
    private final BigDecimal total;
    private OrderStatus status;
    private StepOutcome payment;
    private StepOutcome inventory;
    private String cancellationReason;
    private final Instant placedAt;
    private UUID placedEventId;
    /** Of the stored row: payment and inventory outcomes may be handled at once; the second writer retries. */
    private long version;
    private final List<OrderLineItem> lines;
    private final List<HistoryEntry> history;
    /** How many entries of the history are stored; the ones after them are new. */
    private int storedHistory;

    private Order(UUID id, String customerId, String customerEmail, Currency currency, BigDecimal total,
            OrderStatus status, StepOutcome payment, StepOutcome inventory, String cancellationReason,
            Instant placedAt, UUID placedEventId, long version, List<OrderLineItem> lines, List<HistoryEntry> history) {
        this.id = id;
        this.customerId = customerId;
        this.customerEmail = customerEmail;
        this.currency = currency;
        this.total = total;
        this.status = status;
        this.payment = payment;
        this.inventory = inventory;
        this.cancellationReason = cancellationReason;
        this.placedAt = placedAt;
        this.placedEventId = placedEventId;
        this.version = version;
        this.lines = new ArrayList<>(lines);
        this.history = new ArrayList<>(history);
    }

    static Order place(CustomerId customerId, String customerEmail, Currency currency, List<OrderLineItem> lines,
            Instant at) {
        BigDecimal total = lines.stream().map(OrderLineItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order(OrderId.random().value(), customerId.value(), customerEmail, currency, total,
                OrderStatus.PENDING, StepOutcome.AWAITED, StepOutcome.AWAITED, null, at, null, 0, lines,
                List.of(new HistoryEntry("OrderPlaced", at, null)));
    }

    /** An order as it was stored, with all of its history. */
    static Order restored(UUID id, String customerId, String customerEmail, Currency currency, BigDecimal total,
            OrderStatus status, StepOutcome payment, StepOutcome inventory, String cancellationReason,
            Instant placedAt, UUID placedEventId, long version, List<OrderLineItem> lines, List<HistoryEntry> history) {
        Order order = new Order(id, customerId, customerEmail, currency, total, status, payment, inventory,
                cancellationReason, placedAt, placedEventId, version, lines, history);
        order.storedHistory = history.size();
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
        return new Money(total, currency);
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
        return lines.stream()
                .map(line -> new OrderLine(new ProductId(line.productId()), line.quantity(),
                        new Money(line.unitPrice(), currency)))
                .toList();
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    // What the repository reads to store the order; not part of what other code may ask of it.

    StepOutcome payment() {
        return payment;
    }

    StepOutcome inventory() {
        return inventory;
    }

    long version() {
        return version;
    }

    List<OrderLineItem> lineItems() {
        return List.copyOf(lines);
    }

    /** The entries added since the order was last stored, with the position of the first. */
    List<HistoryEntry> unstoredHistory() {
        return List.copyOf(history.subList(storedHistory, history.size()));
    }

    int storedHistory() {
        return storedHistory;
    }

    /** The repository stored the order: its row has the next version, and its whole history is stored. */
    void markStored(long newVersion) {
        version = newVersion;
        storedHistory = history.size();
    }
}
