package com.javadoor.shop.insightsservice.system;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The shop's events as record values, for plain consumers and for Kafka Streams alike: the body is
 * read as the type its {@code ce_type} header names, through the one {@link EventCodec} every service
 * shares, so no Java class name is ever trusted from the wire.
 */
public final class ShopEventSerde implements Serde<ShopEvent> {

    private final EventCodec codec = new EventCodec();

    @Override
    public Serializer<ShopEvent> serializer() {
        return (topic, event) -> event == null ? null : codec.write(event);
    }

    @Override
    public Deserializer<ShopEvent> deserializer() {
        return new TypedByHeader();
    }

    private final class TypedByHeader implements Deserializer<ShopEvent> {

        @Override
        public ShopEvent deserialize(String topic, byte[] data) {
            throw new IllegalStateException("Events are typed by their " + EventHeaders.TYPE + " header; headers are required");
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
}
