package com.javadoor.shop.loadgenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the same broker does without the shop: Kafka's own ProducerPerformance (acks=all, records of the
 * events' size, as fast as it can) then ConsumerPerformance over the same records, each in a child JVM
 * started from this jar, on a scratch topic with the shop's partition count, deleted afterwards.
 */
final class RawCeiling {

    private static final Logger log = LoggerFactory.getLogger(RawCeiling.class);
    private static final String TOPIC = "load-generator-raw";
    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th");

    record Result(int recordSize, long records, double producedPerSecond, double producerMBPerSecond,
            double producerP50Millis, double producerP99Millis, double consumedPerSecond,
            double consumerFetchPerSecond) {
    }

    static Result measure(Settings settings) throws IOException, InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers()))) {
            admin.deleteTopics(Set.of(TOPIC)).all().toCompletionStage().toCompletableFuture()
                    .exceptionally(notThere -> null).get();
            Thread.sleep(1_000);
            admin.createTopics(Set.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            try {
                String produced = run("org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC,
                        "--num-records", String.valueOf(settings.rawRecords()), "--record-size",
                        String.valueOf(settings.rawRecordSize()), "--throughput", "-1", "--producer-props",
                        "bootstrap.servers=" + settings.bootstrapServers(), "acks=all");
                // the summary is the last line of this shape; the ones before are interim reports
                MatchResult last = PRODUCED.matcher(produced).results().reduce((first, second) -> second)
                        .orElseThrow(() -> new IllegalStateException("ProducerPerformance said: " + produced));
                String consumed = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                        settings.bootstrapServers(), "--topic", TOPIC, "--messages",
                        String.valueOf(settings.rawRecords()), "--timeout", "60000");
                double[] consumer = consumerRates(consumed);
                return new Result(settings.rawRecordSize(), Long.parseLong(last.group(1)),
                        Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                        Double.parseDouble(last.group(6)), Double.parseDouble(last.group(8)), consumer[0],
                        consumer[1]);
            }
            finally {
                admin.deleteTopics(Set.of(TOPIC)).all().get();
            }
        }
    }

    /** nMsg.sec (whole run, joining included) and fetch.nMsg.sec (fetching only) from the CSV it prints. */
    private static double[] consumerRates(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains("nMsg.sec")) {
                List<String> header = List.of(lines[i].split(",\\s*"));
                String[] values = lines[i + 1].split(",\\s*");
                return new double[] { Double.parseDouble(values[header.indexOf("nMsg.sec")]),
                        Double.parseDouble(values[header.indexOf("fetch.nMsg.sec")]) };
            }
        }
        throw new IllegalStateException("ConsumerPerformance said: " + output);
    }

    private static String run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dlogback.configurationFile=none"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            // this executable jar: its nested libraries are reached through Spring Boot's launcher
            command.addAll(List.of("-cp", classPath, "-Dloader.main=" + mainClass,
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        }
        else {
            command.addAll(List.of("-cp", classPath, mainClass));
        }
        command.addAll(List.of(args));
        log.info("raw ceiling: {} {}", mainClass.substring(mainClass.lastIndexOf('.') + 1), String.join(" ", args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + output);
        }
        return output;
    }
}
