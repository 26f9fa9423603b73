package com.javadoor.shop.h2server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client writes over TCP the way the services write in Compose ({@code WRITE_DELAY=0}, one row a commit),
 * into a database it creates after the server started: the server frees the chunks that keep only a few
 * live pages while the client is still connected, and every row stays as it was.
 */
class H2ServerTests {

    private static final int ROWS = 20_000;
    private static final int UPDATES = 3_000;
    /** The defaults, on a shorter interval. */
    private static final DatabaseFileCompactor.Settings SETTINGS = new DatabaseFileCompactor.Settings(
            Duration.ofMillis(50), 60, 512 * 1024, "", "");

    @TempDir
    Path baseDir;

    private H2Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void compactsTheFileOfADatabaseItsClientsWrite() throws Exception {
        server = H2Server.start(new String[] {"-tcpPort", "0", "-ifNotExists", "-baseDir", baseDir.toString()},
                SETTINGS);
        JdbcDataSource client = new JdbcDataSource();
        // RETENTION_TIME=0: a chunk may be rewritten at once, instead of 45 s after it was written
        client.setURL("jdbc:h2:tcp://localhost:" + server.port() + "/shop/items;WRITE_DELAY=0;RETENTION_TIME=0");

        try (Connection connection = client.getConnection("", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY, version INT NOT NULL, label VARCHAR(100) NOT NULL)");
            statement.execute("INSERT INTO item SELECT x, 0, 'item ' || x FROM SYSTEM_RANGE(1, " + ROWS + ")");
            // one row a commit, anywhere in the table: each commit writes one leaf anew into a chunk of its own
            Random random = new Random(42);
            for (int i = 0; i < UPDATES; i++) {
                statement.executeUpdate("UPDATE item SET version = version + 1 WHERE id = " + (1 + random.nextInt(ROWS)));
            }

            // 838 chunks stay when the server does not start its compactor (tried).
            try (Connection inProcess = inProcess("shop/items")) {
                MVStore store = DatabaseFileCompactor.store(inProcess);
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(liveChunks(store)).isLessThan(200));
            }
            assertThat(single(statement, "SELECT COUNT(*) FROM item")).isEqualTo(String.valueOf(ROWS));
            assertThat(single(statement, "SELECT SUM(version) FROM item")).isEqualTo(String.valueOf(UPDATES));
            assertThat(single(statement, "SELECT label FROM item WHERE id = 12345")).isEqualTo("item 12345");
        }
    }

    @Test
    void needsTheFolderOfTheDatabases() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H2Server.start(new String[] {"-tcpPort", "0", "-ifNotExists"}, SETTINGS))
                .withMessageContaining("-baseDir");
    }

    /** The database the server has open: one per file in a process. */
    private Connection inProcess(String name) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + baseDir.resolve(name) + ";IFEXISTS=TRUE");
        return dataSource.getConnection("", "");
    }

    private static long liveChunks(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
