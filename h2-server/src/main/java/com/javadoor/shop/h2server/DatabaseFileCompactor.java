package com.javadoor.shop.h2server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database files of the H2 server in this process from growing without bound: every round it
 * finds the files under the server's base folder, opens each database it has not opened yet, and moves
 * up to a bounded amount of live pages out of its sparsest chunks through H2's own
 * {@link MVStore#compact(int, int)}, as H2's background thread would if {@code WRITE_DELAY} were above 0.
 *
 * <p>It reaches a database's pages through a connection of its own in this process: H2 keeps one open
 * database a file per process, so that connection and the TCP server's sessions share it (and it stays
 * open while no client is connected, instead of closing with the last one).
 */
final class DatabaseFileCompactor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFileCompactor.class);
    private static final String SUFFIX = ".mv.db";

    /**
     * @param fillRate compact while the file's chunks are, together, less live than this, in percent
     * @param writeLimit at most this many bytes of live pages moved a round, so a round stays short
     */
    record Settings(Duration interval, int fillRate, int writeLimit, String user, String password) {
    }

    private final Path baseDir;
    private final Settings settings;
    /** Touched by the compaction thread only, and by stop() once it has ended. */
    private final Map<Path, Connection> databases = new HashMap<>();
    private final Set<Path> failing = new HashSet<>();
    private ScheduledExecutorService scheduler;

    DatabaseFileCompactor(Path baseDir, Settings settings) {
        this.baseDir = baseDir;
        this.settings = settings;
    }

    synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::compactAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Waits for a round in progress, then closes the connections it opened. */
    synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        List.copyOf(databases.keySet()).forEach(this::forget);
    }

    /** One round over every database file under the base folder. */
    private void compactAll() {
        try {
            databaseFiles().forEach(this::compact);
        }
        catch (RuntimeException ex) {
            log.warn("A compaction round failed; the next one tries again: {}", ex.toString());
        }
    }

    private void compact(Path file) {
        try {
            MVStore store = store(databases.computeIfAbsent(file, this::open));
            failing.remove(file);
            if (store.compact(settings.fillRate(), settings.writeLimit())) {
                // written now rather than with the next transaction, so a quiet database frees its chunks too
                store.commit();
            }
        }
        catch (SQLException | RuntimeException ex) {
            // Not yet a database (a client is creating it), closed by a client's SHUTDOWN, other credentials:
            // reopened next round, said once.
            forget(file);
            if (failing.add(file)) {
                log.warn("Cannot compact {}; trying again every round: {}", file, ex.toString());
            }
        }
    }

    private Connection open(Path file) {
        String name = file.toString().substring(0, file.toString().length() - SUFFIX.length());
        JdbcDataSource dataSource = new JdbcDataSource();
        // IFEXISTS: only ever a database a client created; the server's -ifNotExists is for its clients
        dataSource.setURL("jdbc:h2:file:" + name + ";IFEXISTS=TRUE");
        try {
            Connection connection = dataSource.getConnection(settings.user(), settings.password());
            log.info("Compacting {} while it is open", file);
            return connection;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    private void forget(Path file) {
        Connection connection = databases.remove(file);
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ex) {
                log.debug("Closing the connection to {} failed", file, ex);
            }
        }
    }

    private List<Path> databaseFiles() {
        // <base>/<service>/<database>.mv.db in Compose; a little deeper is allowed
        try (Stream<Path> files = Files.find(baseDir, 4,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(SUFFIX))) {
            return files.toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The store behind a connection to a file database in this process. */
    static MVStore store(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
