package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TopicReader;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PaymentServiceIntegrationTest
class RefundingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    @Test
    void refundsTheChargeWhenTheOrderIsCancelled() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");
        EventMetadata placed = scenario.orderService().send(order);
        scenario.awaitPaymentEvents(order.orderId(), 1);

        EventMetadata cancelled = scenario.orderService().send(cancellationOf(order), placed);

        ConsumerRecord<String, byte[]> record = scenario.awaitPaymentEvents(order.orderId(), 2).get(1);
        assertThat(TopicReader.header(record, EventHeaders.TYPE)).isEqualTo("PaymentRefunded");
        assertThat(TopicReader.header(record, EventHeaders.CAUSATION_ID)).isEqualTo(cancelled.id().toString());
        assertThat(TopicReader.header(record, EventHeaders.CORRELATION_ID))
                .isEqualTo(placed.correlationId().toString());
        PaymentRefunded refunded = scenario.body(record, PaymentRefunded.class);
        assertThat(refunded.amount()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(refunded.balanceAfter()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("100.00");

        mvc.perform(get("/api/payments").param("orderId", order.orderId().toString()))
                .andExpect(jsonPath("$[0].status").value("REFUNDED"))
                .andExpect(jsonPath("$[0].refundedAt").isNotEmpty());
    }

    @Test
    void refundsOnceWhenTheOrderIsCancelledTwice() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");
        EventMetadata placed = scenario.orderService().send(order);

        scenario.orderService().send(cancellationOf(order), placed);
        scenario.orderService().send(cancellationOf(order), placed);
        scenario.awaitOrdersHandled();

        assertThat(types(scenario.paymentEventsOf(order.orderId())))
                .containsExactly("PaymentCompleted", "PaymentRefunded");
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void publishesNothingWhenAnOrderThatWasNeverChargedIsCancelled() {
        OrderPlaced neverSeen = orderOf(scenario.customerWith("100.00"), "30.00");

        EventMetadata cancelled = scenario.orderService().send(cancellationOf(neverSeen));

        await().until(() -> scenario.handled(cancelled.id()));
        assertThat(scenario.paymentEventsOf(neverSeen.orderId())).isEmpty();
    }

    @Test
    void refundsNothingWhenADeclinedOrderIsCancelled() throws Exception {
        CustomerId customer = scenario.customerWith("50.00");
        OrderPlaced order = orderOf(customer, "120.00");
        EventMetadata placed = scenario.orderService().send(order);

        scenario.orderService().send(cancellationOf(order), placed);
        scenario.awaitOrdersHandled();

        assertThat(types(scenario.paymentEventsOf(order.orderId()))).containsExactly("PaymentFailed");
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("50.00");
    }

    @Test
    void aConfirmedOrderKeepsItsCharge() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");
        EventMetadata placed = scenario.orderService().send(order);

        scenario.orderService().send(new OrderConfirmed(order.orderId(), customer, order.customerEmail(),
                order.total()), placed);
        scenario.awaitOrdersHandled();

        assertThat(types(scenario.paymentEventsOf(order.orderId()))).containsExactly("PaymentCompleted");
        assertThat(scenario.deadLettersOf(order.orderId())).isEmpty();
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
    }

    private static OrderCancelled cancellationOf(OrderPlaced order) {
        return new OrderCancelled(order.orderId(), order.customerId(), order.customerEmail(), "Out of stock");
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> TopicReader.header(record, EventHeaders.TYPE)).toList();
    }
}
