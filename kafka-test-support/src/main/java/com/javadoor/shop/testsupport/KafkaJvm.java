package com.javadoor.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Apache Kafka's own main classes run from the test classpath, each in a JVM of its own. */
final class KafkaJvm {

    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    private static final int LINES_SHOWN = 15;

    private KafkaJvm() {
    }

    static ProcessBuilder java(List<String> jvmOptions, List<String> mainAndArguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command);
    }

    /**
     * Formats a KRaft node's storage with {@code kafka-storage format}, its output in {@code format.out}
     * beside the configuration. A failure carries the tool's last lines, since a CI log is often all
     * there is to read afterwards.
     */
    static void formatStorage(String clusterId, Path config) {
        Path output = config.resolveSibling("format.out");
        try {
            Process format = java(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                    List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()))
                    .redirectOutput(output.toFile()).redirectErrorStream(true).start();
            String outcome;
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                ChildProcesses.stop(format, true, Duration.ofSeconds(10));
                outcome = "did not end within " + FORMAT_TIMEOUT.toSeconds() + " s";
            }
            else if (format.exitValue() != 0) {
                outcome = "ended with exit code " + format.exitValue();
            }
            else {
                return;
            }
            throw new IllegalStateException("Formatting " + config.getParent() + " " + outcome + "; the last lines of "
                    + output + ":\n" + lastLines(output));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String lastLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES_SHOWN), lines.size()));
    }
}
