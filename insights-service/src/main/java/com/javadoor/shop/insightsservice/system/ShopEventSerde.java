package com.javadoor.shop.insightsservice.system;

import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.messaging.EventCodec;
import com.javadoor.shop.messaging.EventDeserializer;
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
        return new EventDeserializer(codec);
    }
}
