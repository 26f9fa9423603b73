package com.javadoor.shop.messaging;

import com.javadoor.shop.events.ShopEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes record values. Bytes pass through untouched: the outbox relay sends the JSON written at
 * publication time, and the dead-letter recoverer sends an unreadable record exactly as it came.
 */
class EventSerializer implements Serializer<Object> {

    private final EventCodec codec;

    EventSerializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof ShopEvent event) {
            return codec.write(event);
        }
        throw new SerializationException("Not an event of this shop: " + data.getClass().getName());
    }
}
