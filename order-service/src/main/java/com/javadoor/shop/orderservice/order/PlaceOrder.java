package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A validated request to place an order. */
record PlaceOrder(CustomerId customerId, String customerEmail, Currency currency, List<OrderLineItem> lines) {

    /**
     * Identifies what was asked, not how it was spelled: "12.5" and "12.50" are the same price. Two
     * requests under one Idempotency-Key must have the same fingerprint.
     */
    String fingerprint() {
        String canonical = customerId.value() + "|" + customerEmail.toLowerCase(Locale.ROOT) + "|"
                + currency.getCurrencyCode() + "|" + lines.stream()
                        .map(line -> line.productId() + "x" + line.quantity() + "@"
                                + line.unitPrice().stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(","));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }
}
