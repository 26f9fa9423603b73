package com.javadoor.shop.loadgenerator;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pairs each accepted order with its final event. The final event can be read before the REST answer
 * with the order's id has arrived, so each side waits in its own map for the other.
 */
final class OrderTracker {

    private final long startNanos;
    private final Map<UUID, Placed> placed = new ConcurrentHashMap<>();
    private final Map<UUID, Final> finalBeforeAccepted = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final Latencies acceptLatencies = new Latencies();
    private final Map<Long, LongAdder> acceptedPerSecond = new ConcurrentSkipListMap<>();
    private final Map<Long, LongAdder> finalisedPerSecond = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder finalised = new LongAdder();
    private final LongAdder unexpectedOutcomes = new LongAdder();
    private final AtomicLong lastFinalNanos = new AtomicLong();
    private final AtomicLong lastAcceptedNanos = new AtomicLong();

    private record Placed(long sentNanos, Scenario scenario) {
    }

    private record Final(long readNanos, String type) {
    }

    OrderTracker(long startNanos) {
        this.startNanos = startNanos;
    }

    void accepted(UUID orderId, long sentNanos, Scenario scenario) {
        long now = System.nanoTime();
        accepted.increment();
        acceptLatencies.record(now - sentNanos);
        lastAcceptedNanos.accumulateAndGet(now, Math::max);
        count(acceptedPerSecond, now);
        Final early = finalBeforeAccepted.remove(orderId);
        if (early != null) {
            finalised(sentNanos, early.readNanos(), early.type(), scenario.expectedOutcome());
            return;
        }
        placed.put(orderId, new Placed(sentNanos, scenario));
        // the final event may have come between the two looks; only one side's placed.remove wins
        early = finalBeforeAccepted.remove(orderId);
        if (early != null && placed.remove(orderId) != null) {
            finalised(sentNanos, early.readNanos(), early.type(), scenario.expectedOutcome());
        }
    }

    /** An OrderConfirmed or OrderCancelled read from the orders topic, perhaps of an order not placed here. */
    void finalEvent(UUID orderId, String type, long readNanos) {
        Placed order = placed.remove(orderId);
        if (order == null) {
            finalBeforeAccepted.put(orderId, new Final(readNanos, type));
            if (placed.containsKey(orderId) && finalBeforeAccepted.remove(orderId) != null) {
                Placed late = placed.remove(orderId);
                if (late != null) {
                    finalised(late.sentNanos(), readNanos, type, late.scenario().expectedOutcome());
                }
            }
            return;
        }
        finalised(order.sentNanos(), readNanos, type, order.scenario().expectedOutcome());
    }

    private void finalised(long sentNanos, long finalNanos, String type, String expected) {
        finalised.increment();
        latencies.record(finalNanos - sentNanos);
        count(finalisedPerSecond, finalNanos);
        lastFinalNanos.accumulateAndGet(finalNanos, Math::max);
        if (!type.equals(expected)) {
            unexpectedOutcomes.increment();
        }
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private void count(Map<Long, LongAdder> perSecond, long nanos) {
        perSecond.computeIfAbsent((nanos - startNanos) / 1_000_000_000L, s -> new LongAdder()).increment();
    }

    long accepted() {
        return accepted.sum();
    }

    long finalised() {
        return finalised.sum();
    }

    long notFinal() {
        return placed.size();
    }

    long unexpectedOutcomes() {
        return unexpectedOutcomes.sum();
    }

    long lastFinalNanos() {
        return lastFinalNanos.get();
    }

    long lastAcceptedNanos() {
        return lastAcceptedNanos.get();
    }

    /** Placement to final state. */
    Latencies latencies() {
        return latencies;
    }

    /** Placement to the 202 of the REST call. */
    Latencies acceptLatencies() {
        return acceptLatencies;
    }

    Map<String, Long> errors() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        errors.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    Map<Long, LongAdder> acceptedPerSecond() {
        return acceptedPerSecond;
    }

    Map<Long, LongAdder> finalisedPerSecond() {
        return finalisedPerSecond;
    }
}
