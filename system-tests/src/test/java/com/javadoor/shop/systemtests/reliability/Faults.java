package com.javadoor.shop.systemtests.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chaos monkey on a leash: breaks things one after the other, each at a random moment drawn from a
 * seeded random (so a failing run can be repeated), keeps it broken for a while, repairs it, and only
 * then picks the next moment. It runs beside the test, which meanwhile places orders.
 */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    /** Something to break and to repair; {@code repair} returns once the thing works again. */
    record Fault(String name, Runnable breakIt, Runnable repair) {
    }

    private final ExecutorService monkey = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-monkey");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> done = new ArrayList<>();
    private CompletableFuture<Void> schedule;

    /**
     * Starts breaking: for each fault in turn, a pause of {@code pause} (min to max), the fault, a
     * downtime of {@code down} (min to max), the repair.
     */
    Faults inject(List<Fault> faults, Random random, Duration minPause, Duration maxPause, Duration minDown,
            Duration maxDown) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Fault fault : faults) {
            long pause = between(random, minPause, maxPause);
            long down = between(random, minDown, maxDown);
            chain = chain
                    .thenRunAsync(() -> {
                        log.info("Fault: {} (after {} ms)", fault.name(), pause);
                        fault.breakIt().run();
                    }, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, monkey))
                    .thenRunAsync(() -> {
                        fault.repair().run();
                        log.info("Repaired: {} (down {} ms and the restart)", fault.name(), down);
                        synchronized (done) {
                            done.add(fault.name());
                        }
                    }, CompletableFuture.delayedExecutor(down, TimeUnit.MILLISECONDS, monkey));
        }
        schedule = chain;
        return this;
    }

    /** Waits until every fault was injected and repaired; rethrows what went wrong on the way. */
    List<String> awaitRepaired(Duration within) {
        try {
            schedule.get(within.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (done) {
                return List.copyOf(done);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("A fault could not be injected or repaired", ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Faults still under way after " + within + ": done " + done, ex);
        }
        finally {
            monkey.shutdownNow();
        }
    }

    private static long between(Random random, Duration min, Duration max) {
        return min.toMillis() + (long) (random.nextDouble() * (max.toMillis() - min.toMillis()));
    }
}
