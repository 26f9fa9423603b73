package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.systemtests.Shop;
import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.systemtests.ShopClient.Line;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The saga's deadline: with Inventory Service away, an order cannot settle, so the order service
 * cancels it when its time is up and Payment refunds the charge. When Inventory returns it answers the
 * order late, reserving its stock, then reads the cancellation and gives the stock back. The order
 * stays cancelled, and the books close.
 */
@Order(8)
class SagaDeadlineSystemTests {

    private static final List<String> SHORT_DEADLINE = List.of("--shop.orders.settle-within=5s",
            "--shop.orders.deadline-check=1s");

    @Test
    void anOrderWithoutAnInventoryAnswerIsCancelledAtTheDeadlineAndEverythingIsUndone() {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        Shop shop = own.shop;
        ShopClient client = own.client;
        shop.orders.stop();
        shop.orders.start(SHORT_DEADLINE);
        shop.inventory.stop();
        Shop.awaitHealthy(shop.orders);
        ShopAudit audit = ShopAudit.begin(shop, client);

        String id = client.placeOrder("dave", "dave@example.com", new Line("load-test-item", 2, "1.00"));

        await("cancelled at the deadline").atMost(Duration.ofMinutes(1)).until(() -> client.status(id).equals("CANCELLED"));
        assertThat(client.order(id).get("cancellationReason").asString())
                .isEqualTo("No payment and stock outcome within PT5S");
        await("charge refunded").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(client.payments(id)).singleElement().satisfies(payment ->
                        assertThat(payment.get("status").asString()).isEqualTo("REFUNDED")));

        shop.inventory.start();
        Shop.awaitHealthy(shop.inventory);

        await("late reservation released").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(client.reservation(id)).hasValueSatisfying(reservation ->
                        assertThat(reservation.get("status").asString()).isEqualTo("RELEASED")));
        await("history complete").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(events(client.order(id))).containsSubsequence("OrderPlaced", "OrderCancelled",
                        "InventoryUpdated", "InventoryReleased").contains("PaymentCompleted", "PaymentRefunded"));
        assertThat(client.status(id)).isEqualTo("CANCELLED");

        ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(List.of(id));
        Summary.print("saga deadline with inventory-service down", tally, "processes stopped=1 cancelled by the"
                + " deadline=1 refunded=1 late reservations released=1", started);
    }

    private static List<String> events(JsonNode order) {
        return StreamSupport.stream(order.get("history").spliterator(), false)
                .map(entry -> entry.get("event").asString()).toList();
    }
}
