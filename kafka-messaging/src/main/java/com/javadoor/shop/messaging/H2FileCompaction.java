package com.javadoor.shop.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the file of an embedded H2 database from growing without bound, by doing what H2 does by itself
 * in its default mode and stops doing with {@code WRITE_DELAY=0}.
 *
 * <p>H2 never overwrites a page in place: every commit writes the pages it changed into a new chunk at
 * the end of the file, and a chunk's space is reused only once none of its pages is live any more. A
 * chunk that still holds one live page (a leaf of a table that is only ever appended to, say) is kept
 * whole. H2's background thread moves such pages out of sparse chunks, so the chunks can be freed, but
 * that thread runs only when commits are written later; with {@code WRITE_DELAY=0}, which the services
 * use so that a commit is in the file before it returns (docs/RELIABILITY.md), it does not run at all.
 * Under the benchmark's load order-service's file then grew to 4.6 GiB in 16 minutes, 9 % of it live
 * (docs/BENCHMARKS.md). This task moves the live pages of the sparsest chunks, a bounded amount at a
 * time, through H2's own {@link MVStore#compact(int, int)}, and commits them: with it the four files
 * stayed at about a quarter of that size, for about 10 KiB more written an order.
 *
 * <p>Only a database that runs in this process can be reached. A service connected to an H2 server (as
 * in Compose) cannot move the server's pages, so this task stops there after saying so once, as it does
 * for an in-memory database (the tests'), which has no file. The shop's H2 server compacts its files in
 * its own process (the h2-server module).
 */
class H2FileCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    /** What a round of {@link #compact()} did. */
    enum Outcome {
        /** Live pages were moved, and committed. */
        MOVED,
        /** The chunks are full enough, or none is old enough to be rewritten yet. */
        NOTHING_TO_MOVE,
        /** The database has no file in this process (an H2 server's, an in-memory one, another kind). */
        OUT_OF_REACH
    }

    private final DataSource dataSource;
    private final MessagingProperties.Compaction settings;
    private final PeriodicTask compactor;

    H2FileCompaction(DataSource dataSource, MessagingProperties.Compaction settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.compactor = new PeriodicTask("h2-compaction", settings.interval(), settings.interval(),
                this::compactQuietly);
    }

    /**
     * Moves up to the write limit of live pages out of the sparsest chunks, if the file's chunks are
     * less full than the fill rate, and commits them.
     */
    Outcome compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = embeddedFileStore(connection);
            if (store == null) {
                return Outcome.OUT_OF_REACH;
            }
            if (!store.compact(settings.fillRate(), (int) settings.writeLimit().toBytes())) {
                return Outcome.NOTHING_TO_MOVE;
            }
            // written now rather than with the next transaction, so a quiet service frees its chunks too
            store.commit();
            return Outcome.MOVED;
        }
    }

    /** The store of an H2 database that runs in this process from a file; null for any other database. */
    static MVStore embeddedFileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? null : store;
    }

    private void compactQuietly() {
        try {
            if (compact() == Outcome.OUT_OF_REACH) {
                log.info("Not compacting: the database has no file in this process");
                compactor.stop();
            }
        }
        catch (SQLException | RuntimeException ex) {
            // The database may be away for a moment; the next round tries again.
            log.warn("Could not compact the database file: {}", ex.toString());
        }
    }

    @Override
    public void start() {
        compactor.start();
    }

    @Override
    public void stop() {
        compactor.stop();
    }

    @Override
    public boolean isRunning() {
        return compactor.isRunning();
    }
}
