package com.javadoor.shop.emailservice.notification;

import static com.javadoor.shop.emailservice.TestMailServer.subjectsOfMailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.javadoor.shop.emailservice.EmailServiceIntegrationTest;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.KeyPartitioning;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

@EmailServiceIntegrationTest
class MailServerOutageIntegrationTests {

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaAdmin kafkaAdmin;

    private final TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service");
    private final TopicReader topics = TopicReader.ofSharedBroker();

    @AfterEach
    void restoreMailServer() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
        orderService.close();
    }

    @Test
    void anEventWhoseMailCannotBeSentLeavesNoTraceAndIsDeadLetteredForReplay() {
        OrderId orderId = OrderId.random();
        String customer = "customer-" + UUID.randomUUID() + "@example.com";
        OrderPlaced event = OrderNotificationIntegrationTests.placed(orderId, customer);

        mailServer.stop();
        EventMetadata metadata = orderService.send(event);

        // Retried with back-off by the shared error handler, every attempt rolled back, then parked.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, orderId)).singleElement()
                        .satisfies(record -> assertThat(TopicReader.header(record, EventHeaders.ID))
                                .isEqualTo(metadata.id().toString())));
        assertThat(count("SELECT COUNT(*) FROM notification WHERE order_id = ?", orderId.value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", metadata.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE record_key = ?", orderId.toString())).isZero();
        assertThat(topics.readAll(Topics.NOTIFICATIONS, orderId)).isEmpty();

        // Once the server is back, replaying the parked event sends its one mail.
        mailServer.start();
        orderService.resend(event, metadata);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjectsOfMailsTo(mailServer, customer))
                .containsExactly("We received your order " + orderId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.NOTIFICATIONS, orderId)).hasSize(1));
    }

    @Test
    void aMailTheServerAcceptedIsNotSentAgainWhenALaterMailOfItsPollFails() {
        OrderId accepted = OrderId.random();
        OrderId refused = KeyPartitioning.orderOnSamePartitionAs(accepted, partitionsOfOrders());
        String customer = "customer-" + UUID.randomUUID() + "@example.com";
        // Two addresses where one is expected: the mail cannot be written, so it fails at the SMTP step.
        String noSingleAddress = "a-" + UUID.randomUUID() + "@example.com, b@example.com";

        // Both events in one poll, the accepted one first (same partition): its mail goes out, then the
        // other's fails, and the poll's transaction rolls back.
        MessageListenerContainer listener = listeners.getListenerContainer("order-notifications");
        listener.pause();
        await().atMost(Duration.ofSeconds(10)).until(listener::isContainerPaused);
        orderService.send(OrderNotificationIntegrationTests.placed(accepted, customer));
        EventMetadata failing = orderService.send(OrderNotificationIntegrationTests.placed(refused, noSingleAddress));
        listener.resume();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, refused)).singleElement()
                        .satisfies(record -> assertThat(TopicReader.header(record, EventHeaders.ID))
                                .isEqualTo(failing.id().toString())));
        // Handled again on its own after the rollback, recorded, and not mailed a second time.
        assertThat(subjectsOfMailsTo(mailServer, customer)).containsExactly("We received your order " + accepted);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE order_id = ?", accepted.value())).isOne();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.NOTIFICATIONS, accepted)).hasSize(1));
        assertThat(count("SELECT COUNT(*) FROM notification WHERE order_id = ?", refused.value())).isZero();
    }

    private int partitionsOfOrders() {
        return kafkaAdmin.describeTopics(Topics.ORDERS).get(Topics.ORDERS).partitions().size();
    }

    private int count(String sql, Object parameter) {
        return jdbc.queryForObject(sql, Integer.class, parameter);
    }
}
