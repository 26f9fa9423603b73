package com.javadoor.shop.inventoryservice.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventCodec;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import com.javadoor.shop.testsupport.TopicReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.KafkaHeaders;

/** Order events as Order Service would send them, and what Inventory Service made of them on the broker. */
final class TestOrders {

    private static final CustomerId CUSTOMER = new CustomerId("cust-inventory-tests");
    private static final String EMAIL = "inventory-tests@example.com";
    private static final EventCodec codec = new EventCodec();
    private static final TopicReader topics = TopicReader.ofSharedBroker();

    private TestOrders() {
    }

    static OrderLine line(ProductId product, int quantity) {
        return new OrderLine(product, quantity, Money.of("1.00", "EUR"));
    }

    static OrderPlaced placed(OrderLine... lines) {
        BigDecimal total = Arrays.stream(lines)
                .map(line -> line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderPlaced(OrderId.random(), CUSTOMER, EMAIL, List.of(lines), Money.of(total.toPlainString(), "EUR"));
    }

    static OrderCancelled cancelled(OrderId order, String reason) {
        return new OrderCancelled(order, CUSTOMER, EMAIL, reason);
    }

    static OrderConfirmed confirmed(OrderPlaced order) {
        return new OrderConfirmed(order.orderId(), CUSTOMER, EMAIL, order.total());
    }

    /** Every record on the inventory topic about this order, as the broker stored it. */
    static List<ConsumerRecord<String, byte[]>> inventoryRecords(OrderId order) {
        return topics.readAll(Topics.INVENTORY, order);
    }

    /** Why each of this order's events that the service could not handle failed, from the dead-letter topic. */
    static List<String> deadLetterFailures(OrderId order) {
        return topics.readAll(Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, order).stream()
                .map(record -> TopicReader.header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .toList();
    }

    static ShopEvent decode(ConsumerRecord<String, byte[]> record) {
        return codec.read(TopicReader.header(record, EventHeaders.TYPE), record.value());
    }

    /**
     * Waits until the service's consumer group has committed every record on the orders topic: handled,
     * or dead-lettered after its retries. Needed for events that leave no other trace.
     */
    static void awaitOrdersTopicConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafkaBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("inventory-service").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.ORDERS))
                        .allTopicNames().get().get(Topics.ORDERS).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(Topics.ORDERS, p.partition()),
                                p -> OffsetSpec.latest()));
                admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                    long consumed = committed.containsKey(partition) ? committed.get(partition).offset() : 0;
                    assertThat(consumed).as("committed offset of %s", partition).isGreaterThanOrEqualTo(end.offset());
                });
            });
        }
    }
}
