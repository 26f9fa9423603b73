package com.javadoor.shop.loadgenerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaches async-profiler to another JVM, as the generator does to each of the shop's, and reads its profile. */
class ShopProfilerTests {

    @TempDir
    Path out;

    @Test
    void profilesARunningJvmAndChargesItsWorkToItsLibrary() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Busy.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintStream commands = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertThat(nextLineStartingWith("ready", lines)).isNotNull();
            ShopProfiler profiler = ShopProfiler.create(ShopProfiler.Event.CPU, out);

            profiler.start(List.of(new ShopProcesses.Sample("busy", child.pid(), 0, 0, 0, 0, 0)));
            commands.println("go");
            // async-profiler says "Profiling started" on the process's own output, before this
            assertThat(nextLineStartingWith("done", lines)).isNotNull();
            Map<String, StackProfile> profiles = profiler.stop("test");

            StackProfile busy = profiles.get("busy");
            assertThat(busy).isNotNull();
            assertThat(busy.total()).isPositive();
            // The busy loop is this package's code: "the shop's code" is what it costs, more than all else.
            assertThat(busy.byLibrary().get("the shop's code")).isGreaterThan(busy.total() / 2);
            // and it runs in the child's main thread
            assertThat(busy.byThread().get("main")).isGreaterThan(busy.total() / 2);
            assertThat(out.resolve("test-busy.html")).isNotEmptyFile();
            assertThat(Files.readString(out.resolve("test-busy.collapsed"))).contains("Busy.spin");
        }
        finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Blocks until the child writes such a line; null if it ends first. */
    private static String nextLineStartingWith(String prefix, BufferedReader lines) throws IOException {
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith(prefix)) {
            // another line of the child's output
        }
        return line;
    }

    /** Spends about a second of CPU time in one method once told to, then waits for its input to close. */
    static final class Busy {

        public static void main(String[] args) throws Exception {
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            if ("go".equals(commands.readLine())) {
                System.out.println("done " + spin(System.nanoTime() + TimeUnit.SECONDS.toNanos(1)));
            }
            // alive until the test is done with it, so it can be asked for its profile
            commands.readLine();
        }

        static long spin(long until) {
            long sum = 0;
            while (System.nanoTime() < until) {
                for (int i = 0; i < 10_000; i++) {
                    sum += Long.hashCode(sum * 31 + i);
                }
            }
            return sum;
        }
    }
}
