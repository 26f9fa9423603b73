package com.javadoor.shop.messaging;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.ShopEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record value as the event its {@code ce_type} header names. Wrapped in spring-kafka's
 * {@code ErrorHandlingDeserializer}, whatever it cannot read goes to the dead-letter topic instead of
 * blocking the partition. Public for readers outside the listener containers (Kafka Streams).
 */
public class EventDeserializer implements Deserializer<ShopEvent> {

    private final EventCodec codec;

    public EventDeserializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public ShopEvent deserialize(String topic, byte[] data) {
        throw new IllegalStateException("Events are typed by their ce_type header; headers are required");
    }

    @Override
    public ShopEvent deserialize(String topic, Headers headers, byte[] data) {
        Header type = headers.lastHeader(EventHeaders.TYPE);
        if (type == null) {
            throw new IllegalArgumentException("Record on " + topic + " has no " + EventHeaders.TYPE + " header");
        }
        return codec.read(new String(type.value(), StandardCharsets.UTF_8), data);
    }
}
