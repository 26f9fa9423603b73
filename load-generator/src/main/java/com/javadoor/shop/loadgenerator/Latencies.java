package com.javadoor.shop.loadgenerator;

import java.util.Arrays;

/** Every latency of a round, in microseconds; a round's few hundred thousand fit easily, and are exact. */
final class Latencies {

    private long[] micros = new long[1 << 16];
    private int size;

    synchronized void record(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        return new Summary(size, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                size == 0 ? 0 : sorted[size - 1] / 1000.0);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** Placement to final state, in milliseconds. */
    record Summary(long count, double p50, double p95, double p99, double max) {
    }
}
