package com.javadoor.shop.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run at a fixed delay on a daemon thread of its own, between {@link #start()} and
 * {@link #stop()}: the background work of the lag gauges and the inbox purge, which a service must not
 * need {@code @EnableScheduling} for.
 */
final class PeriodicTask {

    private final String threadName;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable task;
    private volatile ScheduledExecutorService scheduler;

    PeriodicTask(String threadName, Duration initialDelay, Duration interval, Runnable task) {
        this.threadName = threadName;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.task = task;
    }

    void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler = executor;
        executor.scheduleWithFixedDelay(task, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts a run in progress. */
    void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    boolean isRunning() {
        return scheduler != null;
    }
}
