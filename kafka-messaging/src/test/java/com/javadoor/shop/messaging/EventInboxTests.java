package com.javadoor.shop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderEvent;
import com.javadoor.shop.events.OrderId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's handling of a whole poll, on a real database and its real tables; no broker is needed, as
 * the container's part (retry, dead letter) is the same as for single records and is tested with each
 * service. What a handler does is recorded in a table of its own, so a rolled-back handling leaves no
 * trace there.
 */
class EventInboxTests {

    private JdbcTemplate jdbc;
    private EventInbox inbox;
    private long nextOffset;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/messaging/V0_1__outbox_and_processed_events.sql"))
                .execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE effect (event_id UUID PRIMARY KEY)");
        inbox = new EventInbox(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void handlesEachEventOfAPollOnceRepeatsWithinThePollAndFromEarlierPollsIncluded() {
        ConsumerRecord<String, OrderEvent> earlier = record(confirmed());
        inbox.handleEachOnce(List.of(earlier), recordingEffects());

        ConsumerRecord<String, OrderEvent> fresh = record(confirmed());
        inbox.handleEachOnce(List.of(redelivered(earlier), fresh, redelivered(fresh)), recordingEffects());

        assertThat(effects()).containsExactlyInAnyOrder(idOf(earlier), idOf(fresh));
        assertThat(processed()).containsExactlyInAnyOrder(idOf(earlier), idOf(fresh));
    }

    @Test
    void keepsTheEventsBeforeOneThatFailsAndReportsThatOneToTheContainer() {
        ConsumerRecord<String, OrderEvent> first = record(confirmed());
        ConsumerRecord<String, OrderEvent> failing = record(confirmed());
        ConsumerRecord<String, OrderEvent> after = record(confirmed());
        EventHandlers handlers = EventHandlers.create().on(OrderConfirmed.class, (event, metadata) -> {
            recordEffect(metadata);
            if (metadata.id().equals(idOf(failing))) {
                throw new IllegalStateException("No order " + event.orderId());
            }
        });

        assertThatExceptionOfType(BatchListenerFailedException.class)
                .isThrownBy(() -> inbox.handleEachOnce(List.of(first, failing, after), handlers))
                .satisfies(failure -> {
                    assertThat(failure.getRecord()).isSameAs(failing);
                    assertThat(failure.getMessage()).contains("No order");
                });

        // The batch transaction rolled back as a whole; one at a time, the first was kept. The one after
        // the failure is left to the container, which delivers it again after the failing one.
        assertThat(effects()).containsExactly(idOf(first));
        assertThat(processed()).containsExactly(idOf(first));
    }

    @Test
    void handlesTheEventsBeforeAnUnreadableRecordAndReportsThatRecord() {
        ConsumerRecord<String, OrderEvent> readable = record(confirmed());
        ConsumerRecord<String, OrderEvent> unreadable = unreadable();

        assertThatExceptionOfType(BatchListenerFailedException.class)
                .isThrownBy(() -> inbox.handleEachOnce(List.of(readable, unreadable, record(confirmed())),
                        recordingEffects()))
                .satisfies(failure -> {
                    assertThat(failure.getRecord()).isSameAs(unreadable);
                    assertThat(failure.getCause()).isInstanceOf(DeserializationException.class);
                });
        assertThat(effects()).containsExactly(idOf(readable));
    }

    @Test
    void skipsEventsWithoutAHandlerAndDoesNotRememberThem() {
        ConsumerRecord<String, OrderEvent> handled = record(confirmed());
        ConsumerRecord<String, OrderEvent> ignored = record(
                new OrderCancelled(OrderId.random(), new CustomerId("alice"), "alice@example.com", "changed mind"));

        inbox.handleEachOnce(List.of(ignored, handled), recordingEffects());

        assertThat(effects()).containsExactly(idOf(handled));
        assertThat(processed()).containsExactly(idOf(handled));
    }

    private EventHandlers recordingEffects() {
        return EventHandlers.create().on(OrderConfirmed.class, (event, metadata) -> recordEffect(metadata));
    }

    private void recordEffect(EventMetadata metadata) {
        jdbc.update("INSERT INTO effect (event_id) VALUES (?)", metadata.id());
    }

    private List<UUID> effects() {
        return jdbc.queryForList("SELECT event_id FROM effect", UUID.class);
    }

    private List<UUID> processed() {
        return jdbc.queryForList("SELECT event_id FROM processed_event", UUID.class);
    }

    private static OrderConfirmed confirmed() {
        return new OrderConfirmed(OrderId.random(), new CustomerId("alice"), "alice@example.com",
                Money.of("12.50", "EUR"));
    }

    private ConsumerRecord<String, OrderEvent> record(OrderEvent event) {
        EventType type = EventType.of(event);
        UUID id = UUID.randomUUID();
        EventMetadata metadata = new EventMetadata(id, type.typeName(), type.schemaVersion(), "order-service",
                Instant.now(), event.orderId().toString(), id, null);
        ConsumerRecord<String, OrderEvent> record = new ConsumerRecord<>("orders", 0, nextOffset++,
                event.orderId().toString(), event);
        metadata.writeTo(record.headers());
        return record;
    }

    /** The same event once more, later on the partition, as after a crash before the offset commit. */
    private ConsumerRecord<String, OrderEvent> redelivered(ConsumerRecord<String, OrderEvent> original) {
        ConsumerRecord<String, OrderEvent> again = new ConsumerRecord<>(original.topic(), original.partition(),
                nextOffset++, original.key(), original.value());
        original.headers().forEach(again.headers()::add);
        return again;
    }

    /** What the ErrorHandlingDeserializer hands over for bytes that are no event: no value, the failure in a header. */
    private ConsumerRecord<String, OrderEvent> unreadable() {
        ConsumerRecord<String, OrderEvent> record = new ConsumerRecord<>("orders", 0, nextOffset++, "key", null);
        byte[] data = "not json".getBytes(StandardCharsets.UTF_8);
        SerializationUtils.deserializationException(record.headers(), data,
                new DeserializationException("failed to deserialize", data, false, new IllegalArgumentException("not json")),
                false);
        return record;
    }

    private static UUID idOf(ConsumerRecord<String, OrderEvent> record) {
        return EventMetadata.from(record.headers()).id();
    }
}
