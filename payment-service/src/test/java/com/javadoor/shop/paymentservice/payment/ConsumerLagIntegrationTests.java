package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Topics;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Consumer lag as an operator sees it: at {@code /actuator/consumerlag} and as the gauge
 * {@code kafka_consumer_group_lag} at {@code /actuator/prometheus}. A listener that stops consuming
 * falls behind by exactly what is written meanwhile, and catches up when it consumes again.
 */
@PaymentServiceIntegrationTest
class ConsumerLagIntegrationTests {

    private static final String GROUP = "payment-service";
    private static final Pattern LAG_SAMPLE = Pattern.compile("^kafka_consumer_group_lag\\{(.*)} (\\S+)$",
            Pattern.MULTILINE);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    @Test
    void aPausedListenerFallsBehindByWhatIsSentAndCatchesUpWhenResumed() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        scenario.awaitOrdersHandled();
        await().untilAsserted(() -> assertThat(lagAtEndpoint()).isZero());
        MessageListenerContainer payments = listeners.getListenerContainer("order-payments");
        // This test's consumer must be the group's only one, or another would go on consuming.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(payments.getAssignedPartitions())
                .as("partitions of orders assigned to this instance").hasSize(3));

        payments.pause();
        try {
            await().until(payments::isContainerPaused);
            for (int i = 0; i < 5; i++) {
                scenario.orderService().send(orderOf(customer, "10.00"));
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(lagAtEndpoint()).isEqualTo(5);
                assertThat(lagInPrometheus()).isEqualTo(5.0);
            });
            assertThat(scenario.balanceOf(customer)).as("nothing charged while paused").isEqualByComparingTo("100.00");
        }
        finally {
            payments.resume();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(lagAtEndpoint()).isZero();
            assertThat(lagInPrometheus()).isZero();
        });
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("50.00");
    }

    @Test
    void showsEachPartitionOfTheGroupWithItsCommittedAndEndOffsets() throws Exception {
        scenario.orderService().send(orderOf(scenario.customerWith("100.00"), "10.00"));
        scenario.awaitOrdersHandled();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String body = mvc.perform(get("/actuator/consumerlag")).andReturn().getResponse().getContentAsString();

            assertThat(JsonPath.<String>read(body, "$.groups['payment-service'].state")).isEqualTo("STABLE");
            assertThat(JsonPath.<Integer>read(body, "$.groups['payment-service'].members")).isEqualTo(1);
            List<Map<String, Object>> partitions = JsonPath.read(body, "$.groups['payment-service'].partitions");
            assertThat(partitions).extracting(row -> row.get("topic"), row -> row.get("partition"))
                    .containsExactly(tuple(Topics.ORDERS, 0), tuple(Topics.ORDERS, 1), tuple(Topics.ORDERS, 2));
            assertThat(partitions).allSatisfy(row -> {
                // A partition nothing was written to has no committed offset, and nothing to lag behind.
                long committed = row.get("committedOffset") == null ? 0
                        : ((Number) row.get("committedOffset")).longValue();
                assertThat(committed).isEqualTo(((Number) row.get("endOffset")).longValue());
                assertThat(((Number) row.get("lag")).longValue()).isZero();
            });
            assertThat(partitions)
                    .anySatisfy(row -> assertThat(((Number) row.get("endOffset")).longValue()).isPositive());
        });
    }

    private long lagAtEndpoint() throws Exception {
        String body = mvc.perform(get("/actuator/consumerlag/" + GROUP)).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.<Number>read(body, "$.lag").longValue();
    }

    /** The sum over the partitions of {@code orders} of the group's lag gauge, as Prometheus scrapes it. */
    private double lagInPrometheus() throws Exception {
        String scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        Matcher sample = LAG_SAMPLE.matcher(scrape);
        double lag = 0;
        int partitions = 0;
        while (sample.find()) {
            String labels = sample.group(1);
            if (labels.contains("group=\"" + GROUP + "\"") && labels.contains("topic=\"" + Topics.ORDERS + "\"")) {
                lag += Double.parseDouble(sample.group(2));
                partitions++;
            }
        }
        assertThat(partitions).as("partitions of orders in the scrape").isEqualTo(3);
        return lag;
    }
}
