package com.javadoor.shop.messaging;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.ShopEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into JSON and back. Its own mapper, not the web layer's, so that a setting made for the
 * REST API can never change the wire contract. It reads tolerantly: fields it does not know, added by
 * a newer producer, are skipped; fields the record requires must be there.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public byte[] write(ShopEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    /**
     * @throws UnknownEventTypeException when the type name is not in the contract
     * @throws tools.jackson.core.JacksonException when the body does not fit the type
     */
    public ShopEvent read(String typeName, byte[] json) {
        EventType type = EventType.named(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
        return mapper.readValue(json, type.eventClass());
    }

    public static final class UnknownEventTypeException extends IllegalArgumentException {

        UnknownEventTypeException(String typeName) {
            super("Unknown event type '" + typeName + "'");
        }
    }
}
