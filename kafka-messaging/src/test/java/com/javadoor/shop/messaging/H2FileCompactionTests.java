package com.javadoor.shop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.messaging.H2FileCompaction.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * On a file database written the way the services write theirs ({@code WRITE_DELAY=0}), where chunks
 * that keep a few live pages pile up: the compaction frees most of them and every row stays as it was.
 */
class H2FileCompactionTests {

    private static final int ROWS = 20_000;
    /** The defaults. */
    private static final MessagingProperties.Compaction SETTINGS = new MessagingProperties.Compaction(true,
            Duration.ofMillis(500), 60, DataSize.ofKilobytes(512));

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        // RETENTION_TIME=0: a chunk may be rewritten at once, instead of 45 s after it was written
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0");
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void freesTheChunksThatKeepOnlyAFewLivePagesAndKeepsEveryRow() throws Exception {
        try (Connection open = dataSource.getConnection()) { // the database stays open between statements
            jdbc.update("CREATE TABLE item (id INT PRIMARY KEY, version INT NOT NULL, label VARCHAR(100) NOT NULL)");
            jdbc.update("INSERT INTO item SELECT x, 0, 'item ' || x FROM SYSTEM_RANGE(1, " + ROWS + ")");
            // one row a commit, anywhere in the table: each commit writes one leaf anew into a chunk of its own
            Random random = new Random(42);
            for (int i = 0; i < 3_000; i++) {
                jdbc.update("UPDATE item SET version = version + 1 WHERE id = ?", 1 + random.nextInt(ROWS));
            }
            MVStore store = H2FileCompaction.embeddedFileStore(open);
            long chunksBefore = liveChunks(store);
            long versionsBefore = jdbc.queryForObject("SELECT SUM(version) FROM item", Long.class);

            H2FileCompaction compaction = new H2FileCompaction(dataSource, SETTINGS);
            Outcome outcome;
            int rounds = 0;
            do {
                outcome = compaction.compact(); // half a megabyte of live pages a round
            }
            while (outcome == Outcome.MOVED && ++rounds < 100);

            assertThat(outcome).as("chunks full enough after %d rounds", rounds).isEqualTo(Outcome.NOTHING_TO_MOVE);
            assertThat(liveChunks(store)).isLessThan(chunksBefore / 4);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Long.class)).isEqualTo(ROWS);
            assertThat(jdbc.queryForObject("SELECT SUM(version) FROM item", Long.class)).isEqualTo(versionsBefore)
                    .isEqualTo(3_000);
            assertThat(jdbc.queryForObject("SELECT label FROM item WHERE id = 12345", String.class))
                    .isEqualTo("item 12345");
        }
    }

    @Test
    void leavesADatabaseServerAlone() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", directory.toString()).start();
        try {
            JdbcDataSource remote = new JdbcDataSource();
            remote.setURL("jdbc:h2:tcp://localhost:" + server.getPort() + "/remote;WRITE_DELAY=0");
            new JdbcTemplate(remote).update("CREATE TABLE item (id INT PRIMARY KEY)");

            try (Connection connection = remote.getConnection()) {
                assertThat(H2FileCompaction.embeddedFileStore(connection)).isNull();
            }
            assertThat(new H2FileCompaction(remote, SETTINGS).compact()).isEqualTo(Outcome.OUT_OF_REACH);
        }
        finally {
            server.stop();
        }
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");

        assertThat(new H2FileCompaction(memory, SETTINGS).compact()).isEqualTo(Outcome.OUT_OF_REACH);
    }

    private static long liveChunks(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }
}
