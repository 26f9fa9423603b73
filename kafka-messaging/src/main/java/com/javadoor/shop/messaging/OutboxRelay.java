package com.javadoor.shop.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed events from the outbox table to Kafka, oldest first, and deletes each one once the
 * broker has acknowledged it to all in-sync replicas ({@code acks=all}). One thread, woken right after
 * each commit and every poll interval otherwise, so an event usually leaves within milliseconds and
 * events still waiting after a crash or a broker outage leave as soon as the broker is back.
 *
 * <p>While events keep coming, the relay keeps one transaction and the relay lock for a run of rounds
 * ({@code holdFor}, 250 ms by default) and commits the deletes of everything it sent at the end of the
 * run, not after every round: a commit of the embedded database rewrites the changed pages of every
 * table it touched, and a commit per round was a tenth of a busy service's CPU (docs/BENCHMARKS.md).
 * Its own uncommitted deletes keep a round from reading what an earlier round of the run sent.
 *
 * <p>A crash after the send but before the delete commits sends those events again after restart:
 * delivery is at least once, and consumers drop the repeat by its event id.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String SELECT_BATCH = """
            SELECT seq, event_id, topic, record_key, event_type, schema_version, source, occurred_at,
                   correlation_id, causation_id, payload
            FROM outbox_event ORDER BY seq LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaOperations<String, Object> kafka;
    private final MessagingProperties.Outbox settings;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread worker;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaOperations<String, Object> kafka,
            MessagingProperties.Outbox settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Called after a commit that wrote to the outbox. */
    void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::relayUntilStopped, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /**
     * Lets the batch in flight finish, so the events the broker acknowledged are deleted and another
     * instance does not send them again; interrupts only a relay that does not finish in time.
     */
    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            signal.release();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5).toMillis());
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void relayUntilStopped() {
        Duration backOff = settings.retryInitialInterval();
        while (worker != null) {
            try {
                boolean caughtUp = relayWhileBusy();
                backOff = settings.retryInitialInterval();
                if (caughtUp) {
                    signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            catch (InterruptedException ex) {
                return;
            }
            catch (RuntimeException ex) {
                if (worker == null) {
                    return;
                }
                log.warn("Outbox relay could not publish, next try in {}: {}", backOff, ex.toString());
                try {
                    Thread.sleep(backOff.toMillis());
                }
                catch (InterruptedException interrupted) {
                    return;
                }
                backOff = min(backOff.multipliedBy(2), settings.retryMaxInterval());
            }
        }
    }

    /**
     * One run: takes the relay lock, then sends rounds of the oldest waiting events for as long as more
     * are waiting or a commit announces more within {@code lingerFor}, {@code holdFor} at most, and
     * commits the deletes of every event the broker acknowledged.
     *
     * @return {@code false} when it stopped with events still waiting
     */
    boolean relayWhileBusy() {
        long until = System.nanoTime() + settings.holdFor().toNanos();
        Run run = transaction.execute(status -> {
            // Instances of a service that share a database take turns; the lock ends with the transaction.
            jdbc.queryForObject("SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE", Integer.class);
            while (true) {
                Round round = sendOldest();
                if (round.failure() != null) {
                    return new Run(false, round.failure());
                }
                boolean moreWaiting = round.read() == settings.batchSize();
                if (worker == null || System.nanoTime() - until >= 0) {
                    return new Run(!moreWaiting, null);
                }
                if (!moreWaiting && !awaitCommit()) {
                    return new Run(true, null);
                }
            }
        });
        // Thrown after the commit, so the deletes of the events that did get through are kept.
        if (run.failure() != null) {
            throw run.failure();
        }
        return run.caughtUp();
    }

    private boolean awaitCommit() {
        try {
            return signal.tryAcquire(settings.lingerFor().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            // Ends the run; the loop sees the flag once the deletes are committed.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Run(boolean caughtUp, RuntimeException failure) {
    }

    /** @param read how many events the round read, at most a batch */
    private record Round(int read, RuntimeException failure) {
    }

    private Round sendOldest() {
        List<OutboxRecord> batch = jdbc.query(SELECT_BATCH, OutboxRecord.MAPPER, settings.batchSize());
        if (batch.isEmpty()) {
            return new Round(0, null);
        }
        List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        for (OutboxRecord record : batch) {
            try {
                sends.add(kafka.send(record.toProducerRecord()));
            }
            catch (RuntimeException ex) {
                // No metadata within max.block.ms (broker away): the rest of the batch waits for the next try.
                failure = ex;
                break;
            }
        }
        List<Object[]> acknowledged = new ArrayList<>(sends.size());
        // One deadline for the whole batch, not one per record: a broker that stopped answering is
        // reported after sendTimeout, not after sendTimeout times the batch size.
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(new Object[] { batch.get(i).seq() });
            }
            catch (ExecutionException | TimeoutException ex) {
                failure = failure != null ? failure : new IllegalStateException("Send failed", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the broker", ex);
            }
        }
        jdbc.batchUpdate("DELETE FROM outbox_event WHERE seq = ?", acknowledged);
        return new Round(batch.size(), failure);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record OutboxRecord(long seq, String topic, String key, EventMetadata metadata, byte[] payload) {

        static final RowMapper<OutboxRecord> MAPPER = (rs, row) -> new OutboxRecord(rs.getLong("seq"),
                rs.getString("topic"), rs.getString("record_key"),
                new EventMetadata(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                        rs.getInt("schema_version"), rs.getString("source"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("record_key"),
                        rs.getObject("correlation_id", UUID.class), rs.getObject("causation_id", UUID.class)),
                rs.getBytes("payload"));

        ProducerRecord<String, Object> toProducerRecord() {
            // The record's timestamp is when the event happened, so "replay from 10:00" means business time.
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic, null,
                    metadata.time().toEpochMilli(), key, payload);
            metadata.writeTo(record.headers());
            return record;
        }
    }
}
