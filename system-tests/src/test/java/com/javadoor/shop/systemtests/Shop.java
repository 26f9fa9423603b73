package com.javadoor.shop.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole shop: an SMTP catcher and the four services as processes with their own file-backed
 * databases, on a broker given to it. The system tests of this package share one on the JVM's shared
 * broker, started once and stopped at exit; the reliability tests start their own on a broker they can
 * take away.
 */
public final class Shop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Shop.class);
    private static Shop instance;

    public final GreenMail mail;
    public final ServiceProcess orders;
    public final ServiceProcess payments;
    public final ServiceProcess inventory;
    public final ServiceProcess email;
    public final String bootstrapServers;
    /** Where the services keep their H2 files, one folder each. */
    public final Path data;
    /** Balances and stock (available plus reserved) before the first order: what the books reconcile to. */
    public final Map<String, BigDecimal> initialBalances;
    public final Map<String, Integer> initialStock;

    private Shop(String bootstrapServers, Path work, List<String> arguments) throws IOException {
        this.bootstrapServers = bootstrapServers;
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Files.createDirectories(work);
        data = Files.createTempDirectory(work.toAbsolutePath(), "data-");
        Function<String, List<String>> common = service -> {
            List<String> all = new ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                    "--spring.datasource.url=" + databaseUrl(data, service),
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + mail.getSmtp().getPort()));
            all.addAll(arguments);
            return all;
        };
        orders = new ServiceProcess("order-service", freePort(), common.apply("order-service"), work);
        payments = new ServiceProcess("payment-service", freePort(), common.apply("payment-service"), work);
        inventory = new ServiceProcess("inventory-service", freePort(), common.apply("inventory-service"), work);
        email = new ServiceProcess("email-service", freePort(), common.apply("email-service"), work);
        long started = System.nanoTime();
        try {
            services().forEach(ServiceProcess::start);
            services().forEach(Shop::awaitHealthy);
        }
        catch (RuntimeException ex) {
            // A shop that does not come up leaves no process behind to outlive the test JVM.
            close();
            throw ex;
        }
        ShopClient client = new ShopClient(this);
        initialBalances = client.balances();
        initialStock = client.products().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().get("available").asInt() + e.getValue().get("reserved").asInt()));
        log.info("Shop on {} up in {} ms", bootstrapServers, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The shop of the system tests: on the JVM's shared broker, logging to {@code target/shop}. */
    static synchronized Shop running() {
        if (instance == null) {
            instance = start(SharedKafkaBroker.bootstrapServers(), Path.of("target", "shop"), List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "stop-shop"));
        }
        return instance;
    }

    /**
     * Starts a shop of its own and waits until every service is healthy.
     *
     * @param work      where the services log and keep their databases
     * @param arguments added to every service's command line, after the shop's own
     */
    public static Shop start(String bootstrapServers, Path work, List<String> arguments) {
        try {
            return new Shop(bootstrapServers, work, arguments);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static void awaitHealthy(ServiceProcess service) {
        Awaitility.await(service.name() + " healthy").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).until(service::isHealthy);
    }

    public List<ServiceProcess> services() {
        return List.of(orders, payments, inventory, email);
    }

    @Override
    public void close() {
        Stream.of(email, inventory, payments, orders).forEach(ServiceProcess::stop);
        mail.stop();
    }

    /**
     * The lock timeout is the one payment and inventory configure for themselves: a charge or a
     * reservation waits for another one on the same row instead of failing after H2's default of one
     * second.
     *
     * <p>The write delay is the harness's own, and the reliability tests depend on it. H2 has no
     * write-ahead log: a committed transaction reaches the file when a background writer stores it, by
     * default up to 500 ms later, and a process killed in between loses it although its commit returned.
     * The outbox and the inbox assume a commit that returned is kept; killed with H2's default, a service
     * loses orders it answered 202 for and charges whose events it already sent. One millisecond narrows
     * that window to about the time of one write (docs/RELIABILITY.md, "Durability of a commit").
     */
    private static String databaseUrl(Path data, String service) {
        return "jdbc:h2:file:" + data.resolve(service).resolve("db") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    /** The H2 file of a service, to open read-only while that service is not running. */
    public String readOnlyDatabaseUrl(ServiceProcess service) {
        return "jdbc:h2:file:" + data.resolve(service.name()).resolve("db") + ";ACCESS_MODE_DATA=r";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
