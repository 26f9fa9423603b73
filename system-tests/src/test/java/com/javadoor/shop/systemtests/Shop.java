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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole shop for the system tests of this JVM: the shared broker, an SMTP catcher, and the four
 * services as processes with their own file-backed databases, started once and stopped at exit.
 */
final class Shop {

    private static final Logger log = LoggerFactory.getLogger(Shop.class);
    private static Shop instance;

    final GreenMail mail;
    final ServiceProcess orders;
    final ServiceProcess payments;
    final ServiceProcess inventory;
    final ServiceProcess email;
    final String bootstrapServers;
    /** Balances and stock (available plus reserved) before the first order: what the books reconcile to. */
    Map<String, BigDecimal> initialBalances;
    Map<String, Integer> initialStock;

    private Shop() throws IOException {
        bootstrapServers = SharedKafkaBroker.bootstrapServers();
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path work = Files.createDirectories(Path.of("target", "shop"));
        Path data = Files.createTempDirectory(work.toAbsolutePath(), "data-");
        Function<String, List<String>> common = service -> List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve(service).resolve("db"),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort());
        orders = new ServiceProcess("order-service", freePort(), common.apply("order-service"), work);
        payments = new ServiceProcess("payment-service", freePort(), common.apply("payment-service"), work);
        inventory = new ServiceProcess("inventory-service", freePort(), common.apply("inventory-service"), work);
        email = new ServiceProcess("email-service", freePort(), common.apply("email-service"), work);
    }

    static synchronized Shop running() {
        if (instance == null) {
            try {
                instance = new Shop();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            long started = System.nanoTime();
            instance.services().forEach(ServiceProcess::start);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-shop"));
            instance.services().forEach(Shop::awaitHealthy);
            ShopClient client = new ShopClient(instance);
            instance.initialBalances = client.balances();
            instance.initialStock = client.products().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().get("available").asInt() + e.getValue().get("reserved").asInt()));
            log.info("Shop up in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return instance;
    }

    static void awaitHealthy(ServiceProcess service) {
        Awaitility.await(service.name() + " healthy").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(service::isHealthy);
    }

    List<ServiceProcess> services() {
        return List.of(orders, payments, inventory, email);
    }

    private void stop() {
        Stream.of(email, inventory, payments, orders).forEach(ServiceProcess::stop);
        mail.stop();
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
