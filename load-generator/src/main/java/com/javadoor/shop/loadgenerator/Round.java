package com.javadoor.shop.loadgenerator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** One round at one offered rate: places the orders, waits for their outcomes, and sums up. */
final class Round {

    private final Settings settings;
    private final OrderPlacer placer;
    private final OutcomeListener outcomes;
    private final ShopLag lag;
    private final ShopProfiler profiler;

    /** @param profiler null for none */
    Round(Settings settings, OrderPlacer placer, OutcomeListener outcomes, ShopLag lag, ShopProfiler profiler) {
        this.settings = settings;
        this.placer = placer;
        this.outcomes = outcomes;
        this.lag = lag;
        this.profiler = profiler;
    }

    record Result(String mode, int offeredRate, int clients, double loadSeconds, long offered, long accepted,
            double acceptedPerSecond, long finalised, double finalisedPerSecond, Latencies.Summary latencyMillis,
            Latencies.Summary acceptLatencyMillis,
            long notFinal, long lagBefore, long lagAfter, double settledSeconds, long unexpectedOutcomes, Map<String, Long> errors, double shopCpuSeconds,
            double shopCpuMillisPerOrder, double idleShopCores, double shopCpuMillisPerOrderNetOfIdle,
            double shopDiskKiBPerOrder, double shopPeakPssMiB, double shopPeakRssMiB, double generatorCpuSeconds,
            Map<String, ProcessUsage> processes,
            List<Second> timeline, Profile profile) {
    }

    /**
     * What the shop's processes spent a finalised order on, by library: CPU milliseconds ({@code cpu}) or
     * KiB allocated ({@code alloc}). Each process's figure per order is split in the shares of its samples.
     */
    record Profile(String event, String unit, Map<String, Map<String, Double>> perOrderByLibrary,
            Map<String, Map<String, Double>> perOrderByThread) {
    }

    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(3);

    private static double cpuBetween(Map<String, ShopProcesses.Sample> first, Map<String, ShopProcesses.Sample> second) {
        return second.values().stream().mapToDouble(sample -> sample.since(first.get(sample.part())).cpuSeconds()).sum();
    }

    record ProcessUsage(long pid, double cpuSeconds, double peakRssMiB, double diskWrittenMiB) {
    }

    record Second(long second, long accepted, long finalised) {
    }

    /** @param profiled a name for the files of this round's profile, null for no profile */
    Result run(int rate, Duration duration, String profiled) throws InterruptedException, IOException {
        long lagBefore = lag.awaitSettled(settings.settle());
        MailPurge mailPurge = MailPurge.start(placer, settings.mailServer());
        // what the shop spends doing nothing (polls, heartbeats, metrics), so waiting for it to settle can be told apart
        Map<String, ShopProcesses.Sample> idleStart = ShopProcesses.sample();
        long idleStartNanos = System.nanoTime();
        Thread.sleep(IDLE_SAMPLE.toMillis());
        Map<String, ShopProcesses.Sample> before = ShopProcesses.sample();
        double idleCores = cpuBetween(idleStart, before) / ((System.nanoTime() - idleStartNanos) / 1e9);
        double generatorBefore = ShopProcesses.ownCpuSeconds();
        ShopMemory memory = ShopMemory.watch(before.values());
        boolean profiling = profiler != null && profiled != null;
        if (profiling) {
            // the same window as the CPU time measured below, so a profile's shares split exactly that time
            profiler.start(before.values());
        }
        long start = System.nanoTime();
        OrderTracker tracker = new OrderTracker(start);
        outcomes.follow(tracker);
        long offered = new LoadDriver(placer, settings).run(rate, duration, tracker, start);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long drainEnd = System.nanoTime() + settings.drain().toNanos();
        while (System.nanoTime() < drainEnd && (tracker.notFinal() > 0 || answered(tracker) < offered)) {
            Thread.sleep(50);
        }
        // every consumer group of the shop done with this round's events (mails, insights), so its CPU is all counted
        long lagAfter = lag.awaitSettled(settings.settle());
        mailPurge.stop();
        double settledSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, ShopProcesses.Sample> after = ShopProcesses.sample();
        memory.add(after.values());
        memory.close();
        ShopMemory.Peak shopMemory = memory.peak();
        double measuredSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, StackProfile> stacks = profiling ? profiler.stop(profiled) : Map.of();
        double shopCpu = 0;
        long shopDiskBytes = 0;
        Map<String, ProcessUsage> processes = new TreeMap<>();
        for (ShopProcesses.Sample sample : after.values()) {
            ShopProcesses.Sample spent = sample.since(before.get(sample.part()));
            shopCpu += spent.cpuSeconds();
            shopDiskBytes += spent.diskWrittenBytes();
            processes.put(sample.part(), new ProcessUsage(sample.pid(), round(spent.cpuSeconds()),
                    round(sample.peakRssKiB() / 1024.0), round(spent.diskWrittenBytes() / 1048576.0)));
        }
        long finalised = tracker.finalised();
        // rates over the time until the last answer (final event), so a shop that falls behind shows it
        double acceptSeconds = Math.max(1e-9, (tracker.lastAcceptedNanos() - start) / 1e9);
        double finalSeconds = Math.max(1e-9, (tracker.lastFinalNanos() - start) / 1e9);
        return new Result(rate > 0 ? "open" : "closed", rate, rate > 0 ? 0 : settings.clients(), round(loadSeconds),
                offered, tracker.accepted(), round(tracker.accepted() / Math.max(loadSeconds, acceptSeconds)), finalised,
                round(finalised / finalSeconds), tracker.latencies().summary(), tracker.acceptLatencies().summary(),
                tracker.notFinal(), lagBefore, lagAfter, round(settledSeconds),
                tracker.unexpectedOutcomes(), tracker.errors(), round(shopCpu), perOrder(shopCpu * 1000, finalised),
                round(idleCores), perOrder((shopCpu - idleCores * measuredSeconds) * 1000, finalised),
                perOrder(shopDiskBytes / 1024.0, finalised), round(shopMemory.pssKiB() / 1024.0),
                round(shopMemory.rssKiB() / 1024.0), round(ShopProcesses.ownCpuSeconds() - generatorBefore),
                processes, timeline(tracker), profiling ? profile(stacks, processes, finalised) : null);
    }

    private Profile profile(Map<String, StackProfile> stacks, Map<String, ProcessUsage> processes, long finalised) {
        Map<String, Map<String, Double>> byLibrary = new TreeMap<>();
        Map<String, Map<String, Double>> byThread = new TreeMap<>();
        ShopProfiler.Event event = profiler.event();
        stacks.forEach((part, profile) -> {
            ProcessUsage usage = processes.get(part);
            // CPU: the process's measured milliseconds per order; allocation: the bytes sampled, in KiB
            double total = event == ShopProfiler.Event.CPU ? (usage == null ? 0 : usage.cpuSeconds() * 1000)
                    : profile.total() / 1024.0;
            double totalPerOrder = finalised == 0 ? 0 : total / finalised;
            byLibrary.put(part, rounded(profile.perOrderByLibrary(totalPerOrder)));
            byThread.put(part, rounded(profile.perOrderByThread(totalPerOrder)));
        });
        return new Profile(event.name().toLowerCase(Locale.ROOT), event.unit(), byLibrary, byThread);
    }

    private static double perOrder(double amount, long finalised) {
        return finalised == 0 ? 0 : round(amount / finalised);
    }

    private static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((name, value) -> rounded.put(name, Math.round(value * 1000) / 1000.0));
        return rounded;
    }

    private static long answered(OrderTracker tracker) {
        return tracker.accepted() + tracker.errors().values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Second> timeline(OrderTracker tracker) {
        long last = Math.max(lastKey(tracker.acceptedPerSecond()), lastKey(tracker.finalisedPerSecond()));
        List<Second> seconds = new ArrayList<>();
        for (long second = 0; second <= last; second++) {
            seconds.add(new Second(second, count(tracker.acceptedPerSecond(), second),
                    count(tracker.finalisedPerSecond(), second)));
        }
        return seconds;
    }

    private static long lastKey(Map<Long, LongAdder> perSecond) {
        return perSecond.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    private static long count(Map<Long, LongAdder> perSecond, long second) {
        LongAdder adder = perSecond.get(second);
        return adder == null ? 0 : adder.sum();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
