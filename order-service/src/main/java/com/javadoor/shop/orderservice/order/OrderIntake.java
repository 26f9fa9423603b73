package com.javadoor.shop.orderservice.order;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where placed orders wait to be stored, so that orders placed at the same moment share one transaction.
 * A commit of the service's database writes the changed pages to its file before it returns (that is what
 * makes a 202 durable), so one thread stores whatever has arrived, up to a batch, in one transaction, while
 * each request thread waits for its own answer: under load that took order-service from 3.2 to 2.7 CPU-ms
 * per order (docs/BENCHMARKS.md). Nobody waits for a batch to fill: a lone order is stored at once.
 *
 * <p>It is also where the shop pushes back. An order is refused at once ({@link OrderIntakeFullException},
 * a 503 with {@code Retry-After}) when the queue is full, or when too many orders already wait for their
 * payment and stock outcomes: a shop placing orders faster than payment and inventory settle them would
 * otherwise pile them up in Kafka, and every order would wait longer than the one before. This service
 * sees that backlog through events alone (an order stays {@code PENDING} until both outcomes are in), so
 * the push-back needs no call to another service. The count comes from the database every 100 ms at
 * most, plus what was stored since.
 *
 * <p>If anything in a batch fails (a reused Idempotency-Key, say) the whole transaction rolls back and
 * each order of it is stored again on its own, so only the one at fault gets the error.
 */
@Component
class OrderIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private record Waiting(PlaceOrder command, String idempotencyKey, CompletableFuture<OrderView> answer) {
    }

    private static final long COUNT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final IdempotentPlacement placement;
    private final Orders orders;
    private final TransactionTemplate transaction;
    private final OrderProperties.Intake settings;
    private final BlockingQueue<Waiting> queue;
    private volatile Thread writer;
    private volatile boolean stopped;
    // Written by the writer thread only.
    private volatile long pendingAtLastCount;
    private volatile long storedSinceCount;
    private long lastCountNanos;

    OrderIntake(IdempotentPlacement placement, Orders orders, TransactionTemplate transaction,
            OrderProperties properties) {
        this.placement = placement;
        this.orders = orders;
        this.transaction = transaction;
        this.settings = properties.intake();
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
    }

    /** Stores the order and answers once it is committed, with its event in the outbox. */
    OrderView place(PlaceOrder command, String idempotencyKey) {
        try {
            return submit(command, idempotencyKey).join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
    }

    /** Queues the order, or refuses it at once when the queue is full or the shop is too far behind. */
    CompletableFuture<OrderView> submit(PlaceOrder command, String idempotencyKey) {
        if (stopped) {
            throw new OrderIntakeFullException("The order service is shutting down", settings.retryAfter());
        }
        refuseWhenFull();
        Waiting waiting = new Waiting(command, idempotencyKey, new CompletableFuture<>());
        if (!queue.offer(waiting)) {
            throw new OrderIntakeFullException(settings.capacity() + " orders are already waiting to be stored",
                    settings.retryAfter());
        }
        return waiting.answer();
    }

    /** Throws what {@link #submit} would throw for a full queue or too long a backlog, without queueing. */
    void refuseWhenFull() {
        long pending = pendingAtLastCount + storedSinceCount + queue.size();
        if (pending >= settings.maxPending()) {
            throw new OrderIntakeFullException(pending + " orders are waiting for their outcomes",
                    settings.retryAfter());
        }
        if (queue.remainingCapacity() == 0) {
            throw new OrderIntakeFullException(settings.capacity() + " orders are already waiting to be stored",
                    settings.retryAfter());
        }
    }

    /** Before the web server (a lower phase starts earlier), so it is there for the first request. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::storeUntilStopped, "order-intake");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /**
     * Stops after the web server has finished its requests (a lower phase stops later), and stores what
     * is still queued first, so no accepted request is left without an answer.
     */
    @Override
    public void stop() {
        stopped = true;
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    private void storeUntilStopped() {
        List<Waiting> batch = new ArrayList<>(settings.batchSize());
        while (writer != null || !queue.isEmpty()) {
            try {
                countPendingWhenDue();
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batchSize() - 1);
                store(batch);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException | Error ex) {
                // Never leave a request thread waiting for an answer that cannot come.
                log.error("Could not store {} order(s)", batch.size(), ex);
                batch.forEach(waiting -> waiting.answer().completeExceptionally(ex));
            }
            finally {
                batch.clear();
            }
        }
    }

    private void countPendingWhenDue() {
        long now = System.nanoTime();
        if (lastCountNanos != 0 && now - lastCountNanos < COUNT_EVERY_NANOS) {
            return;
        }
        lastCountNanos = now;
        try {
            pendingAtLastCount = orders.countPending();
            storedSinceCount = 0;
        }
        catch (RuntimeException ex) {
            // The database is away: the last estimate stands, and storing the orders fails and says why.
            log.debug("Could not count the pending orders: {}", ex.toString());
        }
    }

    private void store(List<Waiting> batch) {
        if (batch.size() == 1) {
            storeAlone(batch.get(0));
            return;
        }
        List<OrderView> placed;
        try {
            placed = transaction.execute(status -> batch.stream()
                    .map(waiting -> placement.place(waiting.command(), waiting.idempotencyKey()))
                    .toList());
        }
        catch (RuntimeException ex) {
            batch.forEach(this::storeAlone);
            return;
        }
        storedSinceCount += batch.size();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(placed.get(i));
        }
    }

    private void storeAlone(Waiting waiting) {
        try {
            OrderView placed = placement.place(waiting.command(), waiting.idempotencyKey());
            storedSinceCount++;
            waiting.answer().complete(placed);
        }
        catch (RuntimeException ex) {
            waiting.answer().completeExceptionally(ex);
        }
    }
}
