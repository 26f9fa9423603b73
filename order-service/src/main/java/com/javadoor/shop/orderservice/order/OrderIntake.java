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
 * makes a 202 durable), and that write was most of what placing an order cost (docs/BENCHMARKS.md): one
 * thread now stores whatever has arrived, up to a batch, in one transaction, while each request thread
 * waits for its own answer. Nobody waits for a batch to fill: a lone order is stored at once.
 *
 * <p>The queue is bounded. When it is full, an order is refused at once ({@link OrderIntakeFullException},
 * a 503 with {@code Retry-After}) instead of queueing behind all the others: an overloaded shop answers
 * quickly, keeps its latency for the orders it takes, and tells callers when to come back.
 *
 * <p>If anything in a batch fails (a reused Idempotency-Key, say) the whole transaction rolls back and
 * each order of it is stored again on its own, so only the one at fault gets the error.
 */
@Component
class OrderIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private record Waiting(PlaceOrder command, String idempotencyKey, CompletableFuture<OrderView> answer) {
    }

    private final IdempotentPlacement placement;
    private final TransactionTemplate transaction;
    private final OrderProperties.Intake settings;
    private final BlockingQueue<Waiting> queue;
    private volatile Thread writer;

    OrderIntake(IdempotentPlacement placement, TransactionTemplate transaction, OrderProperties properties) {
        this.placement = placement;
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

    /** Queues the order, or refuses it at once when the queue is full. */
    CompletableFuture<OrderView> submit(PlaceOrder command, String idempotencyKey) {
        Waiting waiting = new Waiting(command, idempotencyKey, new CompletableFuture<>());
        if (!queue.offer(waiting)) {
            throw new OrderIntakeFullException(settings.capacity(), settings.retryAfter());
        }
        return waiting.answer();
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
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(placed.get(i));
        }
    }

    private void storeAlone(Waiting waiting) {
        try {
            waiting.answer().complete(placement.place(waiting.command(), waiting.idempotencyKey()));
        }
        catch (RuntimeException ex) {
            waiting.answer().completeExceptionally(ex);
        }
    }
}
