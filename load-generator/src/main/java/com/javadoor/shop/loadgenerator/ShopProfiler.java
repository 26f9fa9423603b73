package com.javadoor.shop.loadgenerator;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles every JVM of the shop at once with async-profiler, over exactly the window in which a round
 * measures their CPU time, so each process's profile splits its CPU milliseconds per order by library. The
 * agent comes with the generator (a Maven dependency); it is loaded into each running JVM through the
 * Attach API, which needs a JDK and the same user as the shop. Each process writes a flame graph
 * ({@code <name>-<part>.html}) and the collapsed stacks it is summed up from.
 *
 * <p>{@code cpu} samples where the processes spend CPU time (every 10 ms of it); {@code alloc} samples what
 * they allocate (every 256 KiB), by library too.
 */
final class ShopProfiler {

    private static final Logger log = LoggerFactory.getLogger(ShopProfiler.class);

    enum Event {
        // "threads": each stack starts with its thread's name, so the split by thread comes with it
        CPU("event=cpu,interval=10ms,threads", "", "CPU ms"), ALLOC("event=alloc,alloc=256k,threads", ",total", "KiB");

        private final String start;
        private final String weight;
        private final String unit;

        Event(String start, String weight, String unit) {
            this.start = start;
            this.weight = weight;
            this.unit = unit;
        }

        /** What a profile of this event is counted in, per finalised order. */
        String unit() {
            return unit;
        }

        static Event of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("--profile is cpu or alloc, not " + name);
            }
        }
    }

    private final Event event;
    private final Path library;
    private final Path directory;
    private final Map<String, Long> profiled = new TreeMap<>();

    private ShopProfiler(Event event, Path library, Path directory) {
        this.event = event;
        this.library = library;
        this.directory = directory;
    }

    /** @param directory where the processes write their flame graphs; they need to be able to write there */
    static ShopProfiler create(Event event, Path directory) throws IOException {
        return new ShopProfiler(event, extractAgent(), directory.toAbsolutePath());
    }

    Event event() {
        return event;
    }

    /** Starts profiling each process; one that cannot be attached to is left out and said so. */
    void start(Collection<ShopProcesses.Sample> processes) {
        profiled.clear();
        for (ShopProcesses.Sample process : processes) {
            try {
                command(process.pid(), "start," + event.start);
                profiled.put(process.part(), process.pid());
            }
            catch (IOException | RuntimeException ex) {
                log.warn("Not profiling {} (pid {}): {}", process.part(), process.pid(), ex.toString());
            }
        }
    }

    /** Stops the profilers, has each process write its flame graph, and sums up its samples by library. */
    Map<String, StackProfile> stop(String name) throws IOException {
        Files.createDirectories(directory);
        Map<String, StackProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : profiled.entrySet()) {
            Path stacks = directory.resolve(name + "-" + process.getKey() + ".collapsed");
            Path flameGraph = directory.resolve(name + "-" + process.getKey() + ".html");
            try {
                command(process.getValue(), "dump,collapsed" + event.weight + ",file=" + stacks);
                command(process.getValue(), "stop" + event.weight + ",file=" + flameGraph);
                profiles.put(process.getKey(), StackProfile.parse(Files.readString(stacks)));
            }
            catch (IOException | RuntimeException ex) {
                log.warn("No profile of {}: {}", process.getKey(), ex.toString());
            }
        }
        profiled.clear();
        return profiles;
    }

    private void command(long pid, String command) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(String.valueOf(pid));
        }
        catch (com.sun.tools.attach.AttachNotSupportedException ex) {
            throw new IOException("cannot attach to pid " + pid + ": " + ex.getMessage(), ex);
        }
        try {
            // async-profiler takes its commands as the options of an agent loaded again
            vm.loadAgentPath(library.toString(), command);
        }
        catch (com.sun.tools.attach.AgentLoadException | com.sun.tools.attach.AgentInitializationException ex) {
            throw new IOException("async-profiler refused '" + command + "' in pid " + pid + ": " + ex.getMessage(), ex);
        }
        finally {
            vm.detach();
        }
    }

    /** The native library from the async-profiler jar on the class path, copied to a file the JVMs can load. */
    private static Path extractAgent() throws IOException {
        String platform = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64" -> "linux-arm64";
            default -> null;
        };
        String resource = platform + "/libasyncProfiler.so";
        InputStream agent = System.getProperty("os.name").startsWith("Linux") && platform != null
                ? ShopProfiler.class.getClassLoader().getResourceAsStream(resource) : null;
        if (agent == null) {
            throw new IOException("--profile needs Linux on x64 or arm64 (the platforms of the async-profiler "
                    + "jars this generator carries); this is " + System.getProperty("os.name") + " on "
                    + System.getProperty("os.arch"));
        }
        Path file = Files.createTempFile("libasyncProfiler", ".so");
        file.toFile().deleteOnExit();
        try (agent) {
            Files.copy(agent, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
