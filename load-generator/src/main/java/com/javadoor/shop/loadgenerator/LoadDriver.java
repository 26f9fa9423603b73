package com.javadoor.shop.loadgenerator;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Places orders for one round. Open loop (a fixed rate): the n-th order is due at start + n/rate whatever
 * the shop's answers, and its latency counts from when it was due, so a slow shop cannot slow the
 * generator down and hide its own queueing (coordinated omission). Closed loop: each client places its
 * next order once the shop has accepted the last, which finds the rate the shop can take.
 */
final class LoadDriver {

    private final OrderPlacer placer;
    private final Settings settings;

    LoadDriver(OrderPlacer placer, Settings settings) {
        this.placer = placer;
        this.settings = settings;
    }

    /** @return how many orders it offered */
    long run(int rate, Duration duration, OrderTracker tracker, long startNanos) throws InterruptedException {
        return rate > 0 ? openLoop(rate, duration, tracker, startNanos) : closedLoop(duration, tracker, startNanos);
    }

    private long openLoop(int rate, Duration duration, OrderTracker tracker, long startNanos) {
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        long total = duration.toSeconds() * rate;
        double interval = 1_000_000_000.0 / rate;
        for (long n = 0; n < total; n++) {
            long due = startNanos + (long) (n * interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                tracker.error("not sent: " + settings.maxInFlight() + " requests unanswered");
                continue;
            }
            Scenario scenario = Scenario.pick(settings);
            placer.place(scenario).whenComplete((orderId, failure) -> {
                inFlight.release();
                record(tracker, orderId, failure, due, scenario);
            });
        }
        return total;
    }

    private long closedLoop(Duration duration, OrderTracker tracker, long startNanos) throws InterruptedException {
        long end = startNanos + duration.toNanos();
        long[] offered = new long[settings.clients()];
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Scenario scenario = Scenario.pick(settings);
                    long sent = System.nanoTime();
                    offered[client]++;
                    try {
                        record(tracker, placer.placeAndWait(scenario), null, sent, scenario);
                    }
                    catch (Exception ex) {
                        record(tracker, null, ex, sent, scenario);
                        waitAsAsked(ex);
                    }
                }
            }, "client-" + i);
            clients.add(thread);
            thread.start();
        }
        for (Thread thread : clients) {
            thread.join();
        }
        long total = 0;
        for (long count : offered) {
            total += count;
        }
        return total;
    }

    /** A closed-loop client is a polite one: a refused order's Retry-After is honoured before the next. */
    private static void waitAsAsked(Exception failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OrderPlacer.RejectedOrderException rejected && rejected.retryAfterSeconds() > 0) {
            try {
                Thread.sleep(rejected.retryAfterSeconds() * 1000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void record(OrderTracker tracker, UUID orderId, Throwable failure, long sentNanos,
            Scenario scenario) {
        if (failure == null) {
            tracker.accepted(orderId, sentNanos, scenario);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        cause = cause instanceof UncheckedIOException && cause.getCause() != null ? cause.getCause() : cause;
        tracker.error(cause instanceof OrderPlacer.RejectedOrderException rejected
                ? rejected.kind() : cause.getClass().getSimpleName());
    }
}
