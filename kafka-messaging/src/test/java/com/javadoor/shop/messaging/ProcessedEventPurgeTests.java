package com.javadoor.shop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The inbox forgets ids older than the topics' retention, on the real table. */
class ProcessedEventPurgeTests {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:purge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/messaging/V0_1__outbox_and_processed_events.sql"))
                .execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void forgetsOnlyTheIdsHandledLongerAgoThanItKeepsThem() {
        UUID old = processed(NOW.minus(Duration.ofDays(8)).minusSeconds(1));
        UUID recent = processed(NOW.minus(Duration.ofDays(8)).plusSeconds(1));
        UUID today = processed(NOW.minus(Duration.ofMinutes(5)));
        ProcessedEventPurge purge = new ProcessedEventPurge(jdbc, Clock.fixed(NOW, ZoneOffset.UTC),
                new MessagingProperties.Inbox(Duration.ofDays(8), Duration.ofHours(1)));

        assertThat(purge.purge()).isOne();

        assertThat(jdbc.queryForList("SELECT event_id FROM processed_event", UUID.class))
                .containsExactlyInAnyOrder(recent, today).doesNotContain(old);
    }

    private UUID processed(Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)", id,
                "OrderPlaced", at.atOffset(ZoneOffset.UTC));
        return id;
    }
}
