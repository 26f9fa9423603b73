package com.javadoor.shop.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The explicit map from logical type names on the wire to event classes. Consumers resolve a record's
 * {@code ce_type} header here and nowhere else, so no Java class name ever travels and no package is
 * trusted by default. A type name and its schema version are a promise to consumers: change a record
 * compatibly (add optional fields) or add a new type.
 */
public enum EventType {

    ORDER_PLACED("OrderPlaced", 1, OrderPlaced.class, Topics.ORDERS),
    ORDER_CONFIRMED("OrderConfirmed", 1, OrderConfirmed.class, Topics.ORDERS),
    ORDER_CANCELLED("OrderCancelled", 1, OrderCancelled.class, Topics.ORDERS),
    PAYMENT_COMPLETED("PaymentCompleted", 1, PaymentCompleted.class, Topics.PAYMENTS),
    PAYMENT_FAILED("PaymentFailed", 1, PaymentFailed.class, Topics.PAYMENTS),
    PAYMENT_REFUNDED("PaymentRefunded", 1, PaymentRefunded.class, Topics.PAYMENTS),
    INVENTORY_UPDATED("InventoryUpdated", 1, InventoryUpdated.class, Topics.INVENTORY),
    INVENTORY_REJECTED("InventoryRejected", 1, InventoryRejected.class, Topics.INVENTORY),
    INVENTORY_RELEASED("InventoryReleased", 1, InventoryReleased.class, Topics.INVENTORY),
    NOTIFICATION_SENT("NotificationSent", 1, NotificationSent.class, Topics.NOTIFICATIONS);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends ShopEvent> eventClass;
    private final String topic;

    EventType(String typeName, int schemaVersion, Class<? extends ShopEvent> eventClass, String topic) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.eventClass = eventClass;
        this.topic = topic;
    }

    public static Optional<EventType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static EventType of(ShopEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends ShopEvent> eventClass() {
        return eventClass;
    }

    public String topic() {
        return topic;
    }
}
