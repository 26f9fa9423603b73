package com.javadoor.shop.loadgenerator;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The resident memory of the shop as a whole during a round: every 5 s, the sum over its processes of
 * their proportional set sizes, and the sum of their resident set sizes, each kept at its largest.
 *
 * <p>The shop's processes share pages: all seven JVMs map the same JVM library, the JDK's modules and the
 * C library. A resident set size counts such a page in every process that maps it, the proportional one
 * splits it among them, so the sum of the latter is the memory the shop holds together. Adding up each
 * process's own peak (VmHWM) overstates it twice: it counts the shared pages seven times, and adds peaks
 * that the processes reached at different times.
 */
final class ShopMemory implements AutoCloseable {

    /**
     * The kernel walks a process's page tables to report its proportional set size, about 9 ms of system
     * time for one of the shop's JVMs here. Sampled every second, the generator spent 74 CPU-s in a
     * 10-minute round instead of 40, on the two cores the shop runs on; every 5 s costs a fifth of that.
     * The sums move slowly, so little is missed but a peak of a few seconds.
     */
    private static final Duration EVERY = Duration.ofSeconds(5);

    /** The largest sums seen, in KiB; {@code pssKiB} is 0 where the kernel does not report it. */
    record Peak(long pssKiB, long rssKiB) {

        Peak max(Peak other) {
            return new Peak(Math.max(pssKiB, other.pssKiB), Math.max(rssKiB, other.rssKiB));
        }

        static Peak of(Collection<ShopProcesses.Sample> processes) {
            return new Peak(processes.stream().mapToLong(ShopProcesses.Sample::pssKiB).sum(),
                    processes.stream().mapToLong(ShopProcesses.Sample::rssKiB).sum());
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "shop-memory");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Peak> peak;

    private ShopMemory(Collection<ShopProcesses.Sample> first) {
        peak = new AtomicReference<>(Peak.of(first));
    }

    /** Starts watching, from a sample of the shop's processes just taken. */
    static ShopMemory watch(Collection<ShopProcesses.Sample> first) {
        ShopMemory memory = new ShopMemory(first);
        memory.timer.scheduleAtFixedRate(() -> memory.add(ShopProcesses.sample().values()), EVERY.toMillis(),
                EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return memory;
    }

    /** Counts in a sample taken elsewhere, such as the round's last. */
    void add(Collection<ShopProcesses.Sample> processes) {
        peak.accumulateAndGet(Peak.of(processes), Peak::max);
    }

    Peak peak() {
        return peak.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
