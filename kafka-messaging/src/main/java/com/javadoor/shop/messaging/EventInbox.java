package com.javadoor.shop.messaging;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a consumer idempotent. Kafka delivers at least once: after a crash or a rebalance, records whose
 * offsets were not yet committed come again. The inbox remembers every processed event id in the
 * {@code processed_event} table, in the same transaction as the effect of handling it, so a repeat is
 * recognised and skipped, also after a restart.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

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
            if (alreadyProcessed(event)) {
                return false;
            }
            handling.run();
            jdbc.update("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)",
                    event.id(), event.type(), clock.instant().atOffset(ZoneOffset.UTC));
            return true;
        });
        if (!Boolean.TRUE.equals(handled)) {
            log.info("Skipped {} {}: already processed", event.type(), event.id());
            return false;
        }
        return true;
    }

    private boolean alreadyProcessed(EventMetadata event) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?",
                Integer.class, event.id());
        return count != null && count > 0;
    }
}
