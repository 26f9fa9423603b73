package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static com.javadoor.shop.testsupport.TopicReader.header;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * A record the service cannot read goes to {@code orders.DLT} with the failure in its headers, and the
 * partition goes on: the order's own OrderPlaced, sent right after on the same key, is still charged.
 */
@PaymentServiceIntegrationTest
class DeadLetterIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    @Test
    void aRecordThatIsNotJsonIsDeadLetteredAndTheNextEventIsStillHandled() {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");

        sendAheadOf(order, "OrderPlaced", "not json");
        scenario.orderService().send(order);

        ConsumerRecord<String, byte[]> deadLetter = awaitOneDeadLetter(order);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(header(deadLetter, EventHeaders.TYPE)).isEqualTo("OrderPlaced");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ORDERS);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(DeserializationException.class.getName());
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("failed to deserialize");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains("Unrecognized token 'not'");
        assertThat(header(scenario.awaitPaymentEvents(order.orderId(), 1).get(0), EventHeaders.TYPE))
                .isEqualTo("PaymentCompleted");
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
    }

    @Test
    void aRecordOfAnUnknownTypeIsDeadLetteredAndTheNextEventIsStillHandled() {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");

        sendAheadOf(order, "OrderTeleported", "{\"orderId\": \"" + order.orderId() + "\"}");
        scenario.orderService().send(order);

        ConsumerRecord<String, byte[]> deadLetter = awaitOneDeadLetter(order);
        assertThat(header(deadLetter, EventHeaders.TYPE)).isEqualTo("OrderTeleported");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("failed to deserialize");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains("Unknown event type 'OrderTeleported'");
        assertThat(header(scenario.awaitPaymentEvents(order.orderId(), 1).get(0), EventHeaders.TYPE))
                .isEqualTo("PaymentCompleted");
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
    }

    private ConsumerRecord<String, byte[]> awaitOneDeadLetter(OrderPlaced order) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(scenario.deadLettersOf(order.orderId())).isNotEmpty());
        List<ConsumerRecord<String, byte[]>> deadLetters = scenario.deadLettersOf(order.orderId());
        assertThat(deadLetters).hasSize(1);
        return deadLetters.get(0);
    }

    /** The same key as the order's events, so the record sits on their partition, right before them. */
    private void sendAheadOf(OrderPlaced order, String type, String body) {
        scenario.orderService().sendRaw(Topics.ORDERS, order.orderId().toString(), bytes(body),
                recordHeader(EventHeaders.ID, UUID.randomUUID().toString()), recordHeader(EventHeaders.TYPE, type));
    }

    private static RecordHeader recordHeader(String name, String value) {
        return new RecordHeader(name, bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
