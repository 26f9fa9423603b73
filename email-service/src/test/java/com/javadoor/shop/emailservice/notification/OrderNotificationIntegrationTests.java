package com.javadoor.shop.emailservice.notification;

import static com.javadoor.shop.emailservice.TestMailServer.mailsTo;
import static com.javadoor.shop.testsupport.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.javadoor.shop.emailservice.EmailServiceIntegrationTest;
import com.javadoor.shop.emailservice.TestMailServer;
import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@EmailServiceIntegrationTest
class OrderNotificationIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcTemplate jdbc;

    private final TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service");
    private final TopicReader topics = TopicReader.ofSharedBroker();
    private final OrderId orderId = OrderId.random();
    private final String customer = "customer-" + UUID.randomUUID() + "@example.com";

    @AfterEach
    void closeProducer() {
        orderService.close();
    }

    @Test
    void tellsTheCustomerTheOrderWasReceivedWithItsLinesAndTotal() throws Exception {
        EventMetadata placed = orderService.send(placed(orderId, customer));

        MimeMessage mail = awaitOneMail(customer, "We received your order " + orderId);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("shop@javadoor.com");
        assertThat(mail.getContent().toString())
                .contains("2 x keyboard at 12.50 EUR = 25.00 EUR")
                .contains("1 x mouse at 20.00 EUR = 20.00 EUR")
                .contains("Total: 45.00 EUR");

        assertThat(awaitNotifications(orderId, 1)).singleElement().satisfies(row -> {
            assertThat(row.get("about")).isEqualTo("OrderPlaced");
            assertThat(row.get("recipient")).isEqualTo(customer);
            assertThat(row.get("subject")).isEqualTo("We received your order " + orderId);
            assertThat(row.get("sent_at")).isNotNull();
        });

        ConsumerRecord<String, byte[]> sent = awaitNotificationsSent(orderId, 1).get(0);
        assertThat(header(sent, EventHeaders.TYPE)).isEqualTo("NotificationSent");
        assertThat(header(sent, EventHeaders.SOURCE)).isEqualTo("email-service");
        assertThat(header(sent, EventHeaders.CAUSATION_ID)).isEqualTo(placed.id().toString());
        assertThat(header(sent, EventHeaders.CORRELATION_ID)).isEqualTo(placed.correlationId().toString());
        JsonNode body = json.readTree(new String(sent.value(), StandardCharsets.UTF_8));
        assertThat(body.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(body.get("recipient").asString()).isEqualTo(customer);
        assertThat(body.get("about").asString()).isEqualTo("OrderPlaced");
        assertThat(body.get("subject").asString()).isEqualTo("We received your order " + orderId);
    }

    @Test
    void tellsTheCustomerTheOrderIsConfirmed() throws Exception {
        orderService.send(new OrderConfirmed(orderId, new CustomerId("c-1"), customer, Money.of("45.00", "EUR")));

        MimeMessage mail = awaitOneMail(customer, "Your order " + orderId + " is confirmed");
        assertThat(mail.getContent().toString()).contains("45.00 EUR");
        assertThat(awaitNotifications(orderId, 1)).extracting(row -> row.get("about")).containsExactly("OrderConfirmed");
        assertThat(aboutOfNotificationsSent(awaitNotificationsSent(orderId, 1))).containsExactly("OrderConfirmed");
    }

    @Test
    void tellsTheCustomerWhyTheOrderWasCancelled() throws Exception {
        orderService.send(new OrderCancelled(orderId, new CustomerId("c-1"), customer,
                "Payment declined: insufficient funds"));

        MimeMessage mail = awaitOneMail(customer, "Your order " + orderId + " was cancelled");
        assertThat(mail.getContent().toString()).contains("Reason: Payment declined: insufficient funds");
        assertThat(awaitNotifications(orderId, 1)).extracting(row -> row.get("about")).containsExactly("OrderCancelled");
        assertThat(aboutOfNotificationsSent(awaitNotificationsSent(orderId, 1))).containsExactly("OrderCancelled");
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() {
        OrderPlaced event = placed(orderId, customer);
        EventMetadata metadata = orderService.send(event);
        awaitOneMail(customer, "We received your order " + orderId);

        orderService.resend(event, metadata);
        sendLaterEventOfTheSameOrderAndAwaitItsMail(metadata);

        assertThat(subjectsOfMailsTo(customer)).containsExactly("We received your order " + orderId,
                "Your order " + orderId + " is confirmed");
        assertThat(awaitNotifications(orderId, 2)).extracting(row -> row.get("about"))
                .containsExactlyInAnyOrder("OrderPlaced", "OrderConfirmed");
        assertThat(aboutOfNotificationsSent(awaitNotificationsSent(orderId, 2)))
                .containsExactly("OrderPlaced", "OrderConfirmed");
        assertThat(topics.readAll(Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, orderId)).isEmpty();
    }

    @Test
    void aSecondEventAboutTheSameOrderStateUnderANewIdSendsNoSecondMail() {
        OrderPlaced event = placed(orderId, customer);
        EventMetadata first = orderService.send(event);
        EventMetadata second = orderService.send(event);
        assertThat(second.id()).isNotEqualTo(first.id());

        sendLaterEventOfTheSameOrderAndAwaitItsMail(first);

        assertThat(subjectsOfMailsTo(customer)).containsExactly("We received your order " + orderId,
                "Your order " + orderId + " is confirmed");
        assertThat(awaitNotifications(orderId, 2)).extracting(row -> row.get("about"))
                .containsExactlyInAnyOrder("OrderPlaced", "OrderConfirmed");
        assertThat(aboutOfNotificationsSent(awaitNotificationsSent(orderId, 2)))
                .containsExactly("OrderPlaced", "OrderConfirmed");
        // Skipped as a repeat, not failed on the unique key and dead-lettered.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)",
                Integer.class, first.id(), second.id())).isEqualTo(2);
        assertThat(topics.readAll(Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, orderId)).isEmpty();
    }

    static OrderPlaced placed(OrderId orderId, String customerEmail) {
        return new OrderPlaced(orderId, new CustomerId("c-1"), customerEmail,
                List.of(new OrderLine(new ProductId("keyboard"), 2, Money.of("12.50", "EUR")),
                        new OrderLine(new ProductId("mouse"), 1, Money.of("20.00", "EUR"))),
                Money.of("45.00", "EUR"));
    }

    /**
     * Events of one order share a partition and are handled in order, so once the mail of a later event
     * is out, every earlier record of the order, repeats included, has been handled too.
     */
    private void sendLaterEventOfTheSameOrderAndAwaitItsMail(EventMetadata cause) {
        orderService.send(new OrderConfirmed(orderId, new CustomerId("c-1"), customer, Money.of("45.00", "EUR")),
                cause);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjectsOfMailsTo(customer))
                .contains("Your order " + orderId + " is confirmed"));
    }

    private MimeMessage awaitOneMail(String recipient, String subject) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjectsOfMailsTo(recipient)).containsExactly(subject));
        return mailsTo(mailServer, recipient).get(0);
    }

    private List<String> subjectsOfMailsTo(String recipient) {
        return TestMailServer.subjectsOfMailsTo(mailServer, recipient);
    }

    /** The mail leaves just before its record commits, so the record may trail the mail by a moment. */
    private List<Map<String, Object>> awaitNotifications(OrderId id, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(id)).hasSize(count));
        return notifications(id);
    }

    private List<Map<String, Object>> notifications(OrderId id) {
        return jdbc.queryForList("SELECT about, recipient, subject, sent_at FROM notification WHERE order_id = ?",
                id.value());
    }

    private List<ConsumerRecord<String, byte[]>> awaitNotificationsSent(OrderId id, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.readAll(Topics.NOTIFICATIONS, id)).hasSize(count));
        return topics.readAll(Topics.NOTIFICATIONS, id);
    }

    private static List<String> aboutOfNotificationsSent(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(record -> json.readTree(new String(record.value(), StandardCharsets.UTF_8)).get("about").asString())
                .toList();
    }
}
