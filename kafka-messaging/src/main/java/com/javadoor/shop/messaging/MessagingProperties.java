package com.javadoor.shop.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared messaging infrastructure, under {@code shop.messaging}.
 *
 * @param topics   how the services declare their topics
 * @param outbox   how the relay moves events to Kafka
 * @param consumer how a failing record is retried before it is dead-lettered
 * @param inbox    how long the ids of handled events are remembered
 * @param lag      which consumer groups the lag endpoint and gauges show
 * @param compaction how an embedded H2 database's file is kept compact
 */
@ConfigurationProperties("shop.messaging")
public record MessagingProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer, @DefaultValue Inbox inbox, @DefaultValue Lag lag,
        @DefaultValue Compaction compaction) {

    /**
     * @param partitions        three, so that three instances of a service can share the work and
     *                          one order's events still keep their order on one partition
     * @param replicationFactor one on a single broker; three in production, with min.insync.replicas 2
     * @param retention         how long events stay for replay and new consumers
     * @param deadLetterRetention how long failed records wait for someone to look at them
     */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
            @DefaultValue("7d") Duration retention, @DefaultValue("28d") Duration deadLetterRetention) {
    }

    /**
     * @param batchSize            events read and sent in one round
     * @param pollInterval         how often an idle relay looks for events that no commit announced (written
     *                             by another instance sharing the database, or left by a crash)
     * @param holdFor              the longest a relay keeps the relay lock and one transaction for a run of
     *                             rounds; the deletes of what it sent commit at its end. After a crash at
     *                             most that much is sent again
     * @param lingerFor            how long a relay that has caught up waits for the next commit before it
     *                             ends the run
     * @param sendTimeout          how long a round waits for the broker's acknowledgements
     * @param retryInitialInterval the first pause after a failed round, doubled on each failure
     * @param retryMaxInterval     the longest pause
     */
    public record Outbox(@DefaultValue("500") int batchSize, @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("250ms") Duration holdFor, @DefaultValue("20ms") Duration lingerFor,
            @DefaultValue("30s") Duration sendTimeout, @DefaultValue("200ms") Duration retryInitialInterval,
            @DefaultValue("5s") Duration retryMaxInterval) {
    }

    /**
     * @param retries         attempts after the first before a record goes to its dead-letter topic
     * @param initialInterval the first pause, doubled on each retry
     * @param maxInterval     the longest pause
     */
    public record Consumer(@DefaultValue("5") int retries, @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("3s") Duration maxInterval) {
    }

    /**
     * @param keepFor       how long an id stays in {@code processed_event}: longer than the topics keep
     *                      their events (7 days), so no event that Kafka can still deliver, or a replay
     *                      read again, is forgotten
     * @param purgeInterval how often older ids are deleted
     */
    public record Inbox(@DefaultValue("8d") Duration keepFor, @DefaultValue("1h") Duration purgeInterval) {
    }

    /**
     * @param enabled    whether an embedded H2 database moves live pages out of its sparse chunks
     * @param interval   how often it looks
     * @param fillRate   the share of live data in the file's chunks, in percent, below which it moves pages:
     *                   about where H2's own background thread starts when the database is busy
     * @param writeLimit the most live data moved at a time, so that the commits it holds up wait for
     *                   little (docs/BENCHMARKS.md compares this with 1 MB a second at 80 %)
     */
    public record Compaction(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration interval,
            @DefaultValue("60") int fillRate, @DefaultValue("512KB") DataSize writeLimit) {
    }

    /**
     * @param groups          the consumer groups to show; empty for all groups of the cluster
     * @param refreshInterval how often the lag gauges ask the broker
     */
    public record Lag(@DefaultValue List<String> groups, @DefaultValue("10s") Duration refreshInterval) {

        Predicate<String> selection() {
            return groups.isEmpty() ? group -> true : groups::contains;
        }
    }
}
