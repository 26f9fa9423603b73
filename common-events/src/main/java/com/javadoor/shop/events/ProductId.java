package com.javadoor.shop.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a product across services; a readable code such as the seeded demo data uses. */
public record ProductId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProductId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("product id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
