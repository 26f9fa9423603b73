package com.javadoor.shop.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an order; also the Kafka record key of every event about it. */
public record OrderId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    /** A new id, time-ordered ({@link TimeOrderedUuid}). */
    public static OrderId random() {
        return new OrderId(TimeOrderedUuid.next());
    }

    public static OrderId parse(String text) {
        return new OrderId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
