package com.javadoor.shop.loadgenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shop's memory as a whole counts what its processes share once. */
class ShopMemoryTests {

    @Test
    void keepsTheLargestOfEachSum() {
        ShopMemory.Peak first = new ShopMemory.Peak(2_000, 2_300);

        assertThat(first.max(new ShopMemory.Peak(2_100, 2_200))).isEqualTo(new ShopMemory.Peak(2_100, 2_300));
        assertThat(first.max(new ShopMemory.Peak(1_900, 2_400))).isEqualTo(new ShopMemory.Peak(2_000, 2_400));
    }

    @Test
    void countsThePagesThatProcessesShareOnceWhereTheirResidentSetsCountThemInEach() throws Exception {
        assumeThat(Path.of("/proc/self/smaps_rollup")).as("a Linux kernel that reports proportional set sizes").exists();
        String run = UUID.randomUUID().toString();
        List<Process> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                jvms.add(startIdleJvm("idle-" + i + "-" + run));
            }
            Map<String, ShopProcesses.Sample> all = ShopProcesses.sample();
            List<ShopProcesses.Sample> ours = all.values().stream().filter(sample -> sample.part().endsWith(run)).toList();
            assertThat(ours).hasSize(3);

            ShopMemory.Peak together = ShopMemory.Peak.of(ours);
            // Three JVMs of one JDK share its library, libjvm.so, resident in each, and the C library.
            assertThat(together.pssKiB()).isPositive().isLessThan(together.rssKiB() - 8 * 1024);
        }
        finally {
            for (Process jvm : jvms) {
                jvm.destroy();
                jvm.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startIdleJvm(String part) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkafka-shop.part=" + part, "-cp", System.getProperty("java.class.path"), Idle.class.getName())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("ready");
        return jvm;
    }

    /** Says it is ready, then waits for its input to close. */
    static final class Idle {

        public static void main(String[] args) throws Exception {
            System.out.println("ready");
            System.in.read();
        }
    }
}
