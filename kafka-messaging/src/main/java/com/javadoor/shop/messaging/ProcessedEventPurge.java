package com.javadoor.shop.messaging;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgets the ids of events handled longer ago than the topics keep events. The inbox needs an id only
 * while Kafka could deliver its event again; after the topic's retention it cannot (not even a replay
 * from offset 0), and a table that only grows would slow every look-up and every commit down.
 */
class ProcessedEventPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurge.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MessagingProperties.Inbox settings;
    private final PeriodicTask purger;

    ProcessedEventPurge(JdbcTemplate jdbc, Clock clock, MessagingProperties.Inbox settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.purger = new PeriodicTask("processed-event-purge", settings.purgeInterval(), settings.purgeInterval(),
                this::purgeQuietly);
    }

    /** @return how many ids were forgotten */
    int purge() {
        return jdbc.update("DELETE FROM processed_event WHERE processed_at < ?",
                clock.instant().minus(settings.keepFor()).atOffset(ZoneOffset.UTC));
    }

    @Override
    public void start() {
        purger.start();
    }

    private void purgeQuietly() {
        try {
            int forgotten = purge();
            if (forgotten > 0) {
                log.info("Forgot {} processed event ids older than {}", forgotten, settings.keepFor());
            }
        }
        catch (RuntimeException ex) {
            // The database may be away for a moment; the next round deletes what this one could not.
            log.warn("Could not purge processed event ids: {}", ex.toString());
        }
    }

    @Override
    public void stop() {
        purger.stop();
    }

    @Override
    public boolean isRunning() {
        return purger.isRunning();
    }
}
