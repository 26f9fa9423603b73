package com.javadoor.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The books of the whole shop: whatever happened to the events on the way, stock and money must add up
 * with the orders the order service confirmed, and nothing may be negative.
 */
public final class ShopBooks {

    private ShopBooks() {
    }

    /**
     * Every unit is available or reserved, and reserved means sold to a confirmed order; every balance is
     * its opening balance less the totals of its customer's confirmed orders. A charge or a reservation
     * made twice, or a refund or a release missing, shows here.
     */
    public static void assertReconcile(Shop shop, ShopClient client) {
        Map<String, Integer> sold = new HashMap<>();
        Map<String, BigDecimal> spent = new HashMap<>();
        for (JsonNode order : client.allOrders()) {
            if (order.get("status").asString().equals("CONFIRMED")) {
                spent.merge(order.get("customerId").asString(), order.get("total").decimalValue(), BigDecimal::add);
                order.get("items").forEach(item ->
                        sold.merge(item.get("productId").asString(), item.get("quantity").asInt(), Integer::sum));
            }
        }
        client.products().forEach((id, product) -> {
            assertThat(product.get("available").asInt()).as("available %s", id).isNotNegative();
            assertThat(product.get("reserved").asInt()).as("reserved %s", id).isEqualTo(sold.getOrDefault(id, 0));
            assertThat(product.get("available").asInt() + product.get("reserved").asInt()).as("stock of %s", id)
                    .isEqualTo(shop.initialStock.get(id));
        });
        client.balances().forEach((customer, balance) -> {
            assertThat(balance).as("balance of %s", customer).isNotNegative();
            assertThat(balance.add(spent.getOrDefault(customer, BigDecimal.ZERO))).as("books of %s", customer)
                    .isEqualByComparingTo(shop.initialBalances.get(customer));
        });
    }
}
