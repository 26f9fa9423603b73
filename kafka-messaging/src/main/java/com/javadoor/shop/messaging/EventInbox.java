package com.javadoor.shop.messaging;

import com.javadoor.shop.events.ShopEvent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a consumer idempotent. Kafka delivers at least once: after a crash or a rebalance, records whose
 * offsets were not yet committed come again. The inbox remembers every processed event id in the
 * {@code processed_event} table, in the same transaction as the effect of handling it, so a repeat is
 * recognised and skipped, also after a restart.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private static final LogAccessor deserializationLog = new LogAccessor(EventInbox.class);

    private static final String REMEMBER = """
            INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EventInbox(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Runs {@code handling} in a transaction unless this event was handled before.
     *
     * @return {@code false} when the event was a repeat and nothing ran
     */
    public boolean handleOnce(EventMetadata event, Runnable handling) {
        Boolean handled = transaction.execute(status -> {
            if (!alreadyProcessed(List.of(event.id())).isEmpty()) {
                return false;
            }
            handling.run();
            jdbc.update(REMEMBER, event.id(), event.type(), now());
            return true;
        });
        if (!Boolean.TRUE.equals(handled)) {
            log.info("Skipped {} {}: already processed", event.type(), event.id());
            return false;
        }
        return true;
    }

    /**
     * Handles the records of one poll, each event at most once, in ONE transaction: one commit, one
     * look-up of the ids seen before and one batched insert of the new ones, instead of one of each per
     * record. That is what lets a consumer keep up with thousands of events a second on a small database.
     *
     * <p>If one record fails, its exception rolls back the others' effects too, so the records are then
     * handled again one at a time, each in its own transaction: those that work are kept, and the first
     * that fails is reported to the listener container as a {@link BatchListenerFailedException}. The
     * container commits the offsets of the records before it, and retries it, then dead-letters it, under
     * the same error policy as a single record. A record that cannot be read (not JSON, unknown type,
     * no event headers) is reported the same way once the records before it are handled.
     */
    public void handleEachOnce(List<? extends ConsumerRecord<?, ? extends ShopEvent>> records, EventHandlers handlers) {
        List<Delivery> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<?, ? extends ShopEvent> record : records) {
            Delivery delivery;
            try {
                delivery = Delivery.of(record);
            }
            catch (RuntimeException unreadable) {
                handleAll(readable, handlers);
                throw new BatchListenerFailedException("Unreadable record at " + position(record) + ": "
                        + unreadable.getMessage(), unreadable, record);
            }
            if (handlers.handles(delivery.event())) {
                readable.add(delivery);
            }
        }
        handleAll(readable, handlers);
    }

    private void handleAll(List<Delivery> deliveries, EventHandlers handlers) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                Set<UUID> seen = alreadyProcessed(deliveries.stream().map(delivery -> delivery.metadata().id()).toList());
                List<Object[]> handled = new ArrayList<>(deliveries.size());
                OffsetDateTime now = now();
                for (Delivery delivery : deliveries) {
                    EventMetadata event = delivery.metadata();
                    // add() is false for an id processed before, or twice in this very poll.
                    if (!seen.add(event.id())) {
                        log.info("Skipped {} {}: already processed", event.type(), event.id());
                        continue;
                    }
                    handlers.handle(delivery.event(), event);
                    handled.add(new Object[] { event.id(), event.type(), now });
                }
                jdbc.batchUpdate(REMEMBER, handled);
            });
        }
        catch (RuntimeException batchFailure) {
            log.debug("A batch of {} events failed, handling them one at a time", deliveries.size(), batchFailure);
            for (Delivery delivery : deliveries) {
                try {
                    handleOnce(delivery.metadata(), () -> handlers.handle(delivery.event(), delivery.metadata()));
                }
                catch (RuntimeException failure) {
                    // The cause's message goes into the text, which becomes the dead letter's exception header.
                    throw new BatchListenerFailedException("Failed to handle " + delivery.metadata().type() + " "
                            + delivery.metadata().id() + " at " + position(delivery.record()) + ": "
                            + failure.getMessage(), failure, delivery.record());
                }
            }
        }
    }

    private Set<UUID> alreadyProcessed(List<UUID> ids) {
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM processed_event WHERE event_id IN ("
                + placeholders + ")", UUID.class, ids.toArray()));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private record Delivery(ConsumerRecord<?, ?> record, ShopEvent event, EventMetadata metadata) {

        /** Fails for a record that is not an event of this shop. */
        static Delivery of(ConsumerRecord<?, ? extends ShopEvent> record) {
            if (record.value() == null) {
                // The ErrorHandlingDeserializer left the value out and put what went wrong in a header.
                RuntimeException failure = SerializationUtils.getExceptionFromHeader(record,
                        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, deserializationLog);
                throw failure != null ? failure : new IllegalArgumentException("A record without a value");
            }
            return new Delivery(record, record.value(), EventMetadata.from(record.headers()));
        }
    }
}
