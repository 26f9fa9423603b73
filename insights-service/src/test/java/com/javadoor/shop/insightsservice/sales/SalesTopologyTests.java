package com.javadoor.shop.insightsservice.sales;

import static com.javadoor.shop.insightsservice.ShopEvents.cancelled;
import static com.javadoor.shop.insightsservice.ShopEvents.confirmed;
import static com.javadoor.shop.insightsservice.ShopEvents.line;
import static com.javadoor.shop.insightsservice.ShopEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventCodec;
import com.javadoor.shop.messaging.EventMetadata;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counting rules of the topology, record by record, without a broker. */
class SalesTopologyTests {

    private final EventCodec codec = new EventCodec();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> orders;
    private KeyValueStore<String, ProductSales> totals;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        SalesTopology.build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sales-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "not-used:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        orders = driver.createInputTopic(Topics.ORDERS, new StringSerializer(), new ByteArraySerializer());
        totals = driver.getKeyValueStore(SalesTopology.TOTALS_STORE);
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void aConfirmedOrderAddsEachLineToItsProduct() {
        OrderPlaced first = placed(OrderId.random(), line("keyboard", 2, "12.50"), line("mouse", 1, "20.00"));
        send(first);
        assertThat(totals.get("keyboard")).isNull();

        send(confirmed(first));
        OrderPlaced second = placed(OrderId.random(), line("keyboard", 1, "12.50"));
        send(second);
        send(confirmed(second));

        assertThat(totals.get("keyboard").quantity()).isEqualTo(3);
        assertThat(totals.get("keyboard").revenue()).containsExactly(Money.of("37.50", "EUR"));
        assertThat(totals.get("mouse").quantity()).isEqualTo(1);
        assertThat(totals.get("mouse").revenue()).containsExactly(Money.of("20.00", "EUR"));
    }

    @Test
    void anOrderCountsOnceHoweverOftenItIsPlacedOrConfirmed() {
        OrderPlaced order = placed(OrderId.random(), line("keyboard", 2, "12.50"));
        send(order);
        send(order);
        send(confirmed(order));
        send(confirmed(order));
        send(order);
        send(confirmed(order));

        assertThat(totals.get("keyboard").quantity()).isEqualTo(2);
        assertThat(totals.get("keyboard").revenue()).containsExactly(Money.of("25.00", "EUR"));
    }

    @Test
    void placedCancelledAndUnknownOrdersAreNotSales() {
        OrderPlaced pending = placed(OrderId.random(), line("keyboard", 1, "12.50"));
        OrderPlaced cancelled = placed(OrderId.random(), line("keyboard", 2, "12.50"));
        OrderPlaced neverPlaced = placed(OrderId.random(), line("keyboard", 4, "12.50"));
        send(pending);
        send(cancelled);
        send(cancelled(cancelled, "out of stock"));
        send(confirmed(cancelled));
        send(confirmed(neverPlaced));

        assertThat(totals.get("keyboard")).isNull();
    }

    @Test
    void revenueInDifferentCurrenciesIsNeverAddedUp() {
        OrderPlaced inEuros = placed(OrderId.random(), line("keyboard", 1, "49.90", "EUR"));
        OrderPlaced inDollars = placed(OrderId.random(), line("keyboard", 2, "55.00", "USD"));
        send(inEuros);
        send(confirmed(inEuros));
        send(inDollars);
        send(confirmed(inDollars));

        assertThat(totals.get("keyboard").quantity()).isEqualTo(3);
        assertThat(totals.get("keyboard").revenue())
                .containsExactly(Money.of("49.90", "EUR"), Money.of("110.00", "USD"));
    }

    private void send(ShopEvent event) {
        EventType type = EventType.of(event);
        UUID id = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        new EventMetadata(id, type.typeName(), type.schemaVersion(), "order-service", Instant.now(),
                event.orderId().toString(), id, null).writeTo(headers);
        orders.pipeInput(new TestRecord<>(event.orderId().toString(), codec.write(event), headers, Instant.now()));
    }
}
