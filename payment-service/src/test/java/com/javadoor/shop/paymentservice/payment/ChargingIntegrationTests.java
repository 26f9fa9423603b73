package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TopicReader;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PaymentServiceIntegrationTest
class ChargingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    @Test
    void chargesTheOrderWhenTheBalanceCoversIt() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");

        EventMetadata placed = scenario.orderService().send(order);

        ConsumerRecord<String, byte[]> record = scenario.awaitPaymentEvents(order.orderId(), 1).get(0);
        assertThat(record.key()).isEqualTo(order.orderId().toString());
        assertThat(TopicReader.header(record, EventHeaders.TYPE)).isEqualTo("PaymentCompleted");
        assertThat(TopicReader.header(record, EventHeaders.SOURCE)).isEqualTo("payment-service");
        assertThat(TopicReader.header(record, EventHeaders.CAUSATION_ID)).isEqualTo(placed.id().toString());
        assertThat(TopicReader.header(record, EventHeaders.CORRELATION_ID))
                .isEqualTo(placed.correlationId().toString());
        PaymentCompleted completed = scenario.body(record, PaymentCompleted.class);
        assertThat(completed.customerId()).isEqualTo(customer);
        assertThat(completed.amount()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(completed.balanceAfter()).isEqualTo(Money.of("70.00", "EUR"));
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");

        mvc.perform(get("/api/payments").param("orderId", order.orderId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].orderId").value(order.orderId().toString()))
                .andExpect(jsonPath("$[0].customerId").value(customer.value()))
                .andExpect(jsonPath("$[0].amount").value(30.00))
                .andExpect(jsonPath("$[0].currency").value("EUR"))
                .andExpect(jsonPath("$[0].status").value("CHARGED"))
                .andExpect(jsonPath("$[0].processedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].refundedAt").isEmpty());
    }

    @Test
    void declinesTheOrderWhenTheBalanceDoesNotCoverIt() throws Exception {
        CustomerId customer = scenario.customerWith("50.00");
        OrderPlaced order = orderOf(customer, "120.00");

        EventMetadata placed = scenario.orderService().send(order);

        ConsumerRecord<String, byte[]> record = scenario.awaitPaymentEvents(order.orderId(), 1).get(0);
        assertThat(TopicReader.header(record, EventHeaders.TYPE)).isEqualTo("PaymentFailed");
        assertThat(TopicReader.header(record, EventHeaders.CAUSATION_ID)).isEqualTo(placed.id().toString());
        PaymentFailed failed = scenario.body(record, PaymentFailed.class);
        assertThat(failed.reason()).isEqualTo("Balance 50.00 EUR does not cover 120.00 EUR");
        assertThat(failed.amount()).isEqualTo(Money.of("120.00", "EUR"));
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("50.00");

        mvc.perform(get("/api/payments").param("orderId", order.orderId().toString()))
                .andExpect(jsonPath("$[0].status").value("DECLINED"))
                .andExpect(jsonPath("$[0].reason").value("Balance 50.00 EUR does not cover 120.00 EUR"));
    }

    @Test
    void declinesTheOrderOfAnUnknownCustomer() {
        OrderPlaced order = orderOf(new CustomerId("ghost-" + UUID.randomUUID()), "10.00");

        scenario.orderService().send(order);

        PaymentFailed failed = scenario.body(scenario.awaitPaymentEvents(order.orderId(), 1).get(0),
                PaymentFailed.class);
        assertThat(failed.reason()).isEqualTo("Unknown customer " + order.customerId());
    }

    @Test
    void declinesAnOrderInAnotherCurrencyThanTheAccount() {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, Money.of("10.00", "USD"));

        scenario.orderService().send(order);

        PaymentFailed failed = scenario.body(scenario.awaitPaymentEvents(order.orderId(), 1).get(0),
                PaymentFailed.class);
        assertThat(failed.reason()).isEqualTo("Account of " + customer + " is in EUR, the order is in USD");
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void chargesOnceWhenTheSameEventIsDeliveredTwice() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");

        EventMetadata placed = scenario.orderService().send(order);
        scenario.orderService().resend(order, placed);
        scenario.awaitOrdersHandled();

        assertThat(scenario.paymentEventsOf(order.orderId())).hasSize(1);
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
    }

    @Test
    void chargesOnceWhenTheSameOrderIsPlacedAgainUnderANewEventId() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced order = orderOf(customer, "30.00");

        scenario.orderService().send(order);
        EventMetadata again = scenario.orderService().send(order);
        scenario.awaitOrdersHandled();

        assertThat(scenario.handled(again.id())).as("second OrderPlaced handled").isTrue();
        assertThat(scenario.paymentEventsOf(order.orderId())).hasSize(1);
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
        mvc.perform(get("/api/payments").param("orderId", order.orderId().toString()))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anOrderWithoutPaymentHasNoneAndAMalformedOrderIdIsABadRequest() throws Exception {
        mvc.perform(get("/api/payments").param("orderId", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/payments").param("orderId", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/api/payments"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }
}
