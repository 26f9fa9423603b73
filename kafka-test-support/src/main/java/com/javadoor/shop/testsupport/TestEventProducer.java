package com.javadoor.shop.testsupport;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.TimeOrderedUuid;
import com.javadoor.shop.messaging.EventCodec;
import com.javadoor.shop.messaging.EventMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services in a test: writes events to their topics exactly as a service's outbox
 * relay would (key, CloudEvents headers, JSON body), and also the records a well-behaved service never
 * writes (garbage, unknown types, repeats).
 */
public final class TestEventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final String source;

    public TestEventProducer(String bootstrapServers, String source) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.source = source;
    }

    public static TestEventProducer ofSharedBroker(String source) {
        return new TestEventProducer(SharedKafkaBroker.bootstrapServers(), source);
    }

    /** Sends an event that starts a new chain; returns the metadata it carried. */
    public EventMetadata send(ShopEvent event) {
        return send(event, null);
    }

    /** Sends an event caused by {@code cause}, as a service reacting to it would. */
    public EventMetadata send(ShopEvent event, EventMetadata cause) {
        EventType type = EventType.of(event);
        UUID id = TimeOrderedUuid.next();
        EventMetadata metadata = new EventMetadata(id, type.typeName(), type.schemaVersion(), source, Instant.now(),
                event.orderId().toString(), cause == null ? id : cause.correlationId(),
                cause == null ? null : cause.id());
        resend(event, metadata);
        return metadata;
    }

    /** Sends the very same event again, same id and all: what a redelivery looks like. */
    public void resend(ShopEvent event, EventMetadata metadata) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topic(),
                event.orderId().toString(), codec.write(event));
        metadata.writeTo(record.headers());
        sendRecord(record);
    }

    /** Sends any bytes with any headers, to see what a consumer does with what it cannot read. */
    public void sendRaw(String topic, String key, byte[] value, Header... headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        for (Header header : headers) {
            record.headers().add(header);
        }
        sendRecord(record);
    }

    private void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Could not send to " + record.topic(), ex.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
