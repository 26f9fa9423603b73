package com.javadoor.shop.loadgenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Finds a process of the shop by its part name, as the generator does, and reads what it spent. */
class ShopProcessesTests {

    private static final int WRITTEN_MIB = 16;

    @Test
    void readsCpuMemoryAndTheBytesAProcessWritesToDisk() throws Exception {
        assumeThat(Path.of("/proc/self/io")).as("a Linux kernel that counts I/O per process").exists();
        String part = "writer-" + UUID.randomUUID();
        // in the module's build directory, on a disk: a tmpfs /tmp would write nothing to one
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "disk-written", ".bin");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkafka-shop.part=" + part, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintStream commands = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertThat(lines.readLine()).isEqualTo("ready");
            ShopProcesses.Sample before = ShopProcesses.sample().get(part);
            assertThat(before).isNotNull();
            assertThat(before.pid()).isEqualTo(child.pid());

            commands.println("go");
            assertThat(lines.readLine()).isEqualTo("written");
            ShopProcesses.Sample after = ShopProcesses.sample().get(part);

            assertThat(after.diskWrittenBytes() - before.diskWrittenBytes())
                    .isGreaterThanOrEqualTo(WRITTEN_MIB * 1048576L)
                    // the JVM's own files (class data, logs) are not counted here, so not much more than that
                    .isLessThan(2L * WRITTEN_MIB * 1048576L);
            assertThat(after.cpuSeconds()).isPositive();
            assertThat(after.peakRssKiB()).isGreaterThanOrEqualTo(after.rssKiB()).isPositive();
            if (Files.exists(Path.of("/proc/self/smaps_rollup"))) {
                assertThat(after.pssKiB()).isPositive().isLessThanOrEqualTo(after.rssKiB());
            }
        }
        finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
        }
    }

    @Test
    void chargesARoundWithWhatAProcessSpentInItAndARestartedOneWithAllItSpent() {
        ShopProcesses.Sample before = new ShopProcesses.Sample("payment-service", 41, 10.0, 300, 280, 250, 1_000);
        ShopProcesses.Sample after = new ShopProcesses.Sample("payment-service", 41, 12.5, 320, 310, 270, 5_000);
        ShopProcesses.Sample restarted = new ShopProcesses.Sample("payment-service", 42, 3.0, 200, 200, 180, 700);

        assertThat(after.since(before)).isEqualTo(new ShopProcesses.Sample("payment-service", 41, 2.5, 320, 310, 270, 4_000));
        assertThat(restarted.since(before)).isEqualTo(restarted);
        assertThat(after.since(null)).isEqualTo(after);
    }

    /** Writes {@value #WRITTEN_MIB} MiB to the file it is given once told to, then waits for its input to close. */
    static final class Writer {

        public static void main(String[] args) throws IOException {
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            if ("go".equals(commands.readLine())) {
                try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                    ByteBuffer block = ByteBuffer.allocate(1 << 20);
                    for (int mib = 0; mib < WRITTEN_MIB; mib++) {
                        block.clear();
                        block.put(0, (byte) mib);
                        channel.write(block);
                    }
                }
                System.out.println("written");
            }
            commands.readLine();
        }
    }
}
