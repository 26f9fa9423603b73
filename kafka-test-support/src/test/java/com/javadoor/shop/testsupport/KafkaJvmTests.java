package com.javadoor.shop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaJvmTests {

    @TempDir
    Path directory;

    @Test
    void formatsStorageOnceAndSaysWhyNotTwice() throws IOException {
        Path config = Files.writeString(directory.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:9093",
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + directory.resolve("logs"),
                ""));
        String clusterId = Uuid.randomUuid().toString();

        KafkaJvm.formatStorage(clusterId, config);
        assertThat(directory.resolve("logs/meta.properties")).content().contains("cluster.id=" + clusterId);

        // The CI log is often all there is to read: the failure carries the tool's own words.
        assertThatIllegalStateException().isThrownBy(() -> KafkaJvm.formatStorage(clusterId, config))
                .withMessageContaining("ended with exit code")
                .withMessageContaining("already formatted");
    }
}
