package com.javadoor.shop.loadgenerator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The kinds of order in the mix, on the demo data: dave (1,000,000.00 EUR) buying the load-test item
 * (10,000,000 in stock) is confirmed; bob (50.00 EUR) buying 60.00 EUR of it is declined by Payment; dave
 * buying 6 webcams (5 in stock) is rejected by Inventory. Declined and rejected orders take the saga's
 * compensation path, which a mix of only confirmed orders would never measure.
 */
enum Scenario {

    CONFIRMED("dave", "load-test-item", 1, "1.00", "OrderConfirmed"),
    DECLINED("bob", "load-test-item", 60, "1.00", "OrderCancelled"),
    OUT_OF_STOCK("dave", "webcam", 6, "59.00", "OrderCancelled");

    private final byte[] body;
    private final String expectedOutcome;

    Scenario(String customer, String product, int quantity, String unitPrice, String expectedOutcome) {
        this.body = """
                {"customerId":"%s","customerEmail":"%s@example.com","currency":"EUR",\
                "items":[{"productId":"%s","quantity":%d,"unitPrice":"%s"}]}"""
                .formatted(customer, customer, product, quantity, unitPrice).getBytes(StandardCharsets.UTF_8);
        this.expectedOutcome = expectedOutcome;
    }

    byte[] body() {
        return body;
    }

    String expectedOutcome() {
        return expectedOutcome;
    }

    static Scenario pick(Settings settings) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < settings.declinedPercent()) {
            return DECLINED;
        }
        if (dice < settings.declinedPercent() + settings.outOfStockPercent()) {
            return OUT_OF_STOCK;
        }
        return CONFIRMED;
    }
}
