package com.javadoor.shop.inventoryservice.reservation;

import static com.javadoor.shop.inventoryservice.reservation.TestOrders.line;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventInbox;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Many orders for the last units at once: exactly as many are served as there are units, never more. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
class ConcurrentReservationIntegrationTests {

    private static final int UNITS = 10;
    private static final int ORDERS = 30;

    @Autowired
    ReservationManagement reservations;

    @Autowired
    EventInbox inbox;

    @Autowired
    JdbcTemplate jdbc;

    private TestProducts products;

    @BeforeEach
    void setUp() {
        products = new TestProducts(jdbc);
    }

    /**
     * Thirty threads handle an order each at the same moment, through the same inbox and domain code as
     * the Kafka listener. Every order also takes a unit of a plentiful product, listed before or after the
     * scarce one, so that orders lock the same two rows with their lines in opposite orders: without a
     * stable locking order they would deadlock.
     */
    @Test
    void thirtySimultaneousOrdersForTenUnitsReserveExactlyTen() throws Exception {
        ProductId scarce = products.create("b-scarce", UNITS);
        ProductId plentiful = products.create("a-plentiful", 1_000);
        List<OrderPlaced> orders = IntStream.range(0, ORDERS)
                .mapToObj(i -> i % 2 == 0 ? placed(line(scarce, 1), line(plentiful, 1))
                        : placed(line(plentiful, 1), line(scarce, 1)))
                .toList();

        ExecutorService threads = Executors.newFixedThreadPool(ORDERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> handled = new ArrayList<>();
        try {
            for (OrderPlaced order : orders) {
                EventMetadata metadata = metadataOf(order);
                handled.add(threads.submit(() -> {
                    start.await();
                    return inbox.handleOnce(metadata, () -> reservations.on(order, metadata));
                }));
            }
            start.countDown();
            for (Future<Boolean> result : handled) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(statusCounts(orders)).isEqualTo(Map.of("RESERVED", (long) UNITS, "REJECTED", (long) ORDERS - UNITS));
        products.assertStock(scarce, 0, UNITS);
        products.assertStock(plentiful, 1_000 - UNITS, UNITS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answerTypes(orders))
                .isEqualTo(Map.of(InventoryUpdated.class, (long) UNITS, InventoryRejected.class, (long) ORDERS - UNITS)));
    }

    /** The same race end to end: the orders arrive through Kafka on three partitions and three consumers. */
    @Test
    void thirtyOrdersThroughKafkaForTenUnitsReserveExactlyTen() {
        ProductId scarce = products.create(UNITS);
        List<OrderPlaced> orders = IntStream.range(0, ORDERS).mapToObj(i -> placed(line(scarce, 1))).toList();

        try (TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service")) {
            orders.forEach(orderService::send);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> statusCounts(orders).values().stream()
                .mapToLong(Long::longValue).sum() == ORDERS);
        assertThat(statusCounts(orders)).isEqualTo(Map.of("RESERVED", (long) UNITS, "REJECTED", (long) ORDERS - UNITS));
        products.assertStock(scarce, 0, UNITS);
    }

    @Test
    void theDatabaseRefusesNegativeStockEvenWithoutTheLocks() {
        ProductId product = products.create(UNITS);

        assertThatThrownBy(() -> jdbc.update("UPDATE product SET available = available - ? WHERE id = ?",
                UNITS + 1, product.value())).isInstanceOf(DataIntegrityViolationException.class);
        products.assertStock(product, UNITS, 0);
    }

    private static EventMetadata metadataOf(OrderPlaced order) {
        UUID id = UUID.randomUUID();
        return new EventMetadata(id, "OrderPlaced", 1, "order-service", Instant.now(), order.orderId().toString(),
                id, null);
    }

    private Map<String, Long> statusCounts(List<OrderPlaced> orders) {
        return orders.stream()
                .map(order -> jdbc.queryForList("SELECT status FROM reservation WHERE order_id = ?", String.class,
                        order.orderId().value()))
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<Class<?>, Long> answerTypes(List<OrderPlaced> orders) {
        Set<String> keys = orders.stream().map(order -> order.orderId().toString()).collect(Collectors.toSet());
        return TopicReader.ofSharedBroker().readAll(Topics.INVENTORY).stream()
                .filter(record -> keys.contains(record.key()))
                .map(TestOrders::decode)
                .collect(Collectors.groupingBy(ShopEvent::getClass, Collectors.counting()));
    }
}
