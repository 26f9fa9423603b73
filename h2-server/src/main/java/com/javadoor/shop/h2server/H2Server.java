package com.javadoor.shop.h2server;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database server that the instances of a service share in docker-compose.yml: H2's own TCP server,
 * started with H2's own options, and in the same process a {@link DatabaseFileCompactor} for the databases
 * under its {@code -baseDir}.
 *
 * <p>The compaction has to run here. The services open their databases with {@code WRITE_DELAY=0}, so
 * that a commit is in the file before it returns, and then H2 never moves the live pages out of sparse
 * chunks by itself, so the files only grow. A service compacts the file of an embedded database itself
 * (kafka-messaging's {@code H2FileCompaction}), but it cannot reach the pages of a database that another
 * process holds, and H2 has no SQL command that compacts an open database.
 *
 * <pre>
 * java -jar h2-server.jar -tcp -tcpAllowOthers -tcpPort 9090 -ifNotExists -baseDir /data
 * </pre>
 *
 * System properties: {@code compaction.interval-ms} (500), {@code compaction.fill-rate} (60, in percent),
 * {@code compaction.write-limit-kb} (512): the services' defaults. {@code compaction.user} and
 * {@code compaction.password} (both empty, as the services connect in Compose) are the credentials it
 * opens each database with.
 */
public final class H2Server {

    private static final Logger log = LoggerFactory.getLogger(H2Server.class);

    private final Server tcpServer;
    private final DatabaseFileCompactor compactor;

    private H2Server(Server tcpServer, DatabaseFileCompactor compactor) {
        this.tcpServer = tcpServer;
        this.compactor = compactor;
    }

    public static void main(String[] args) throws SQLException {
        DatabaseFileCompactor.Settings settings = new DatabaseFileCompactor.Settings(
                Duration.ofMillis(Long.getLong("compaction.interval-ms", 500)),
                Integer.getInteger("compaction.fill-rate", 60),
                Integer.getInteger("compaction.write-limit-kb", 512) * 1024,
                System.getProperty("compaction.user", ""),
                System.getProperty("compaction.password", ""));
        H2Server server = start(args, settings);
        // H2's TCP server runs on a thread that is not a daemon, so the process lives until it is stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "h2-server-stop"));
    }

    static H2Server start(String[] args, DatabaseFileCompactor.Settings settings) throws SQLException {
        Path baseDir = baseDir(args);
        Server tcpServer = Server.createTcpServer(args).start();
        DatabaseFileCompactor compactor = new DatabaseFileCompactor(baseDir, settings);
        compactor.start();
        log.info("{}; compacting the database files under {} every {} ms while their chunks are under {} % live",
                tcpServer.getStatus(), baseDir, settings.interval().toMillis(), settings.fillRate());
        return new H2Server(tcpServer, compactor);
    }

    int port() {
        return tcpServer.getPort();
    }

    /** Stops the compaction before the server, so no round meets a database that is closing. */
    void stop() {
        compactor.stop();
        tcpServer.stop();
    }

    private static Path baseDir(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-baseDir")) {
                return Path.of(args[i + 1]).toAbsolutePath();
            }
        }
        // Without it H2 takes database paths from its clients, anywhere on the disk: nowhere to look for files.
        throw new IllegalArgumentException("Name the folder of the databases with -baseDir: the compaction looks for"
                + " their files there");
    }
}
