package com.javadoor.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.systemtests.ShopClient.Line;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The shop end to end, four processes and a broker, driven only through REST; the mails are read from
 * the SMTP catcher. Each test reads the state it changes before and after, so the tests share one shop.
 */
class OrderFlowSystemTests {

    private static final Duration FINAL_WITHIN = Duration.ofSeconds(60);

    private static Shop shop;
    private static ShopClient client;

    @BeforeAll
    static void startShop() {
        shop = Shop.running();
        client = new ShopClient(shop);
    }

    @Test
    void anAffordableOrderInStockIsConfirmedChargedAndMailed() {
        String email = uniqueEmail("alice");
        BigDecimal balanceBefore = client.balance("alice");
        int keyboardsBefore = client.product("keyboard").get("available").asInt();

        String id = client.placeOrder("alice", email, new Line("keyboard", 2, "49.90"));

        await().atMost(FINAL_WITHIN).until(() -> client.status(id).equals("CONFIRMED"));
        await().atMost(FINAL_WITHIN).untilAsserted(() -> {
            assertThat(client.balance("alice")).isEqualByComparingTo(balanceBefore.subtract(new BigDecimal("99.80")));
            assertThat(client.product("keyboard").get("available").asInt()).isEqualTo(keyboardsBefore - 2);
            assertThat(subjectsTo(email)).hasSize(2)
                    .anySatisfy(subject -> assertThat(subject).contains(id).containsIgnoringCase("received"))
                    .anySatisfy(subject -> assertThat(subject).contains(id).containsIgnoringCase("confirmed"));
        });
        assertThat(client.payments(id)).hasSize(1);
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesTheStock() {
        String email = uniqueEmail("bob");
        JsonNode monitorBefore = client.product("monitor");
        BigDecimal balanceBefore = client.balance("bob");

        String id = client.placeOrder("bob", email, new Line("monitor", 1, "199.00"));

        await().atMost(FINAL_WITHIN).until(() -> client.status(id).equals("CANCELLED"));
        assertThat(client.order(id).get("cancellationReason").asString()).startsWith("Payment declined");
        await().atMost(FINAL_WITHIN).untilAsserted(() -> {
            JsonNode monitor = client.product("monitor");
            assertThat(monitor.get("available").asInt()).isEqualTo(monitorBefore.get("available").asInt());
            assertThat(monitor.get("reserved").asInt()).isEqualTo(monitorBefore.get("reserved").asInt());
            assertThat(cancellationMailsTo(email, id)).singleElement().satisfies(body ->
                    assertThat(body).contains("Payment declined"));
        });
        assertThat(client.balance("bob")).isEqualByComparingTo(balanceBefore);
    }

    @Test
    void anOrderOutOfStockIsCancelledAndItsChargeRefunded() {
        String email = uniqueEmail("carol");
        BigDecimal balanceBefore = client.balance("carol");

        String id = client.placeOrder("carol", email, new Line("webcam", 6, "59.00"));

        await().atMost(FINAL_WITHIN).until(() -> client.status(id).equals("CANCELLED"));
        assertThat(client.order(id).get("cancellationReason").asString()).startsWith("Out of stock");
        await().atMost(FINAL_WITHIN).untilAsserted(() -> {
            assertThat(client.balance("carol")).isEqualByComparingTo(balanceBefore);
            assertThat(cancellationMailsTo(email, id)).hasSize(1);
            JsonNode payments = client.payments(id);
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0).get("status").asString()).isEqualTo("REFUNDED");
        });
    }

    private static Shop shop() {
        return Shop.running();
    }

    static String uniqueEmail(String customer) {
        return customer + "-" + UUID.randomUUID() + "@example.com";
    }

    static List<String> subjectsTo(String email) {
        return messagesTo(email).stream().map(OrderFlowSystemTests::subject).toList();
    }

    static List<String> cancellationMailsTo(String email, String orderId) {
        return messagesTo(email).stream()
                .filter(m -> subject(m).contains(orderId) && subject(m).toLowerCase().contains("cancel"))
                .map(OrderFlowSystemTests::body)
                .toList();
    }

    /** Confirmation and cancellation mails whose subject names the order. */
    static long finalMailsAbout(String orderId) {
        return Arrays.stream(shop().mail.getReceivedMessages())
                .map(OrderFlowSystemTests::subject)
                .filter(s -> s.contains(orderId))
                .filter(s -> s.toLowerCase().contains("confirmed") || s.toLowerCase().contains("cancelled"))
                .count();
    }

    static List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(shop().mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equalsIgnoreCase(email));
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String body(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }
}
