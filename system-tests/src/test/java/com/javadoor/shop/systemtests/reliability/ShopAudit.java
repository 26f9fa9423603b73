package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.systemtests.Shop;
import com.javadoor.shop.systemtests.ShopBooks;
import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.systemtests.reliability.Mailbox.MailKind;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The invariants every fault-injection test ends with, checked over the whole shop, not only over the
 * orders of the test: whatever an earlier test did must still hold too.
 * <ul>
 * <li>nothing lost: every order the shop accepted is there, and final;</li>
 * <li>the books reconcile: stock and balances add up with the confirmed orders, nothing negative;</li>
 * <li>at most one payment per order, charged exactly for the confirmed ones;</li>
 * <li>one mail per order state: one "received", and one "confirmed" or one "cancelled" as it ended.</li>
 * </ul>
 */
final class ShopAudit {

    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(4);
    private static final Duration FOLLOW_UPS_WITHIN = Duration.ofMinutes(2);

    /** What the audit counted, for the summary line of the test. */
    record Tally(int placed, int confirmed, int cancelled, int ordersInShop, int mails, int lost, int doubled) {
    }

    private final Shop shop;
    private final ShopClient client;
    private final int ordersBefore;

    private ShopAudit(Shop shop, ShopClient client) {
        this.shop = shop;
        this.client = client;
        this.ordersBefore = client.allOrders().size();
    }

    /** Remembers how many orders the shop has before the test places its own. */
    static ShopAudit begin(Shop shop, ShopClient client) {
        return new ShopAudit(shop, client);
    }

    Tally assertNothingLostNothingDoubled(Collection<String> placed) {
        Set<String> ours = Set.copyOf(placed);
        assertThat(ours).as("distinct orders accepted").hasSameSizeAs(placed);
        await("every order final").atMost(SETTLED_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<JsonNode> orders = client.allOrders();
            Set<String> ids = orders.stream().map(order -> order.get("id").asString()).collect(Collectors.toSet());
            assertThat(ours).as("orders accepted (202) but missing from the shop").allMatch(ids::contains);
            assertThat(lost(ours, orders)).as("orders accepted but not final").isZero();
            assertThat(ids).as("orders in the shop").hasSize(ordersBefore + ours.size());
            assertThat(orders).allSatisfy(order ->
                    assertThat(order.get("status").asString()).as("order %s", order.get("id")).isIn("CONFIRMED", "CANCELLED"));
        });
        await("books reconciled").atMost(FOLLOW_UPS_WITHIN).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> ShopBooks.assertReconcile(shop, client));
        List<JsonNode> orders = client.allOrders();
        await("one payment per order").atMost(FOLLOW_UPS_WITHIN).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertPayments(orders));
        await("one mail per order state").atMost(FOLLOW_UPS_WITHIN).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertMails(orders));
        int confirmed = (int) orders.stream().filter(o -> ours.contains(id(o)) && status(o).equals("CONFIRMED")).count();
        int cancelled = (int) orders.stream().filter(o -> ours.contains(id(o)) && status(o).equals("CANCELLED")).count();
        return new Tally(ours.size(), confirmed, cancelled, orders.size(), Mailbox.of(shop.mail).total(),
                lost(ours, orders), doubledMails(orders));
    }

    private void assertPayments(List<JsonNode> orders) {
        for (JsonNode order : orders) {
            List<String> payments = StreamSupport.stream(client.payments(id(order)).spliterator(), false)
                    .map(payment -> payment.get("status").asString()).toList();
            assertThat(payments).as("payments of order %s", id(order)).hasSizeLessThanOrEqualTo(1);
            if (status(order).equals("CONFIRMED")) {
                assertThat(payments).as("payment of confirmed order %s", id(order)).containsExactly("CHARGED");
            }
            else {
                assertThat(payments).as("payment of cancelled order %s", id(order)).doesNotContain("CHARGED");
            }
        }
    }

    private void assertMails(List<JsonNode> orders) {
        Mailbox mailbox = Mailbox.of(shop.mail);
        Set<String> known = new HashSet<>();
        for (JsonNode order : orders) {
            String id = id(order);
            known.add(id);
            boolean confirmed = status(order).equals("CONFIRMED");
            assertThat(mailbox.count(id, MailKind.RECEIVED)).as("'received' mails of %s", id).isEqualTo(1);
            assertThat(mailbox.count(id, MailKind.CONFIRMED)).as("'confirmed' mails of %s", id).isEqualTo(confirmed ? 1 : 0);
            assertThat(mailbox.count(id, MailKind.CANCELLED)).as("'cancelled' mails of %s", id).isEqualTo(confirmed ? 0 : 1);
            assertThat(mailbox.count(id, MailKind.OTHER)).as("other mails of %s", id).isZero();
        }
        assertThat(mailbox.byOrder().keySet()).as("orders mailed about").isSubsetOf(known);
    }

    /** Payments are checked above to be at most one per order; mails are counted again for the tally. */
    private int doubledMails(List<JsonNode> orders) {
        Mailbox mailbox = Mailbox.of(shop.mail);
        return orders.stream().mapToInt(order -> List.of(MailKind.values()).stream()
                .mapToInt(kind -> Math.max(0, mailbox.count(id(order), kind) - 1)).sum()).sum();
    }

    private static int lost(Set<String> ours, List<JsonNode> orders) {
        Set<String> finished = orders.stream()
                .filter(order -> !status(order).equals("PENDING"))
                .map(ShopAudit::id).collect(Collectors.toSet());
        return (int) ours.stream().filter(id -> !finished.contains(id)).count();
    }

    private static String id(JsonNode order) {
        return order.get("id").asString();
    }

    private static String status(JsonNode order) {
        return order.get("status").asString();
    }
}
