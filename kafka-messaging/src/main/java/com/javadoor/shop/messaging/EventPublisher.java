package com.javadoor.shop.messaging;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.TimeOrderedUuid;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes events through the transactional outbox: the event is written to the {@code outbox_event}
 * table in the caller's database transaction, so it commits or rolls back with the state change that
 * caused it. The {@link OutboxRelay} sends it to Kafka once committed. A crash between the commit and
 * the send delays the event; it never loses it, and a rolled-back change never publishes one.
 */
public class EventPublisher {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, schema_version, source,
                                      occurred_at, correlation_id, causation_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;

    EventPublisher(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, String source, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
        this.source = source;
        this.clock = clock;
    }

    /** Publishes the first event of a chain, such as an order placed over REST. */
    public EventMetadata publish(ShopEvent event) {
        return publish(event, null);
    }

    /**
     * Publishes an event caused by another one: it joins the cause's correlation id and names the cause,
     * so one order's whole chain can be followed across services.
     */
    public EventMetadata publish(ShopEvent event, EventMetadata cause) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are published inside the transaction that changes the state");
        }
        EventType type = EventType.of(event);
        UUID id = TimeOrderedUuid.next();
        EventMetadata metadata = new EventMetadata(id, type.typeName(), type.schemaVersion(), source,
                clock.instant(), event.orderId().toString(), cause == null ? id : cause.correlationId(),
                cause == null ? null : cause.id());
        jdbc.update(INSERT, metadata.id(), type.topic(), metadata.subject(), metadata.type(),
                metadata.schemaVersion(), metadata.source(), metadata.time().atOffset(ZoneOffset.UTC),
                metadata.correlationId(), metadata.causationId(), codec.write(event));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return metadata;
    }
}
