package com.javadoor.shop.insightsservice;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.events.ProductId;
import java.math.BigDecimal;
import java.util.List;

/** Events as the other services would write them, for one customer. */
public final class ShopEvents {

    private static final CustomerId ALICE = new CustomerId("alice");
    private static final String EMAIL = "alice@example.com";

    private ShopEvents() {
    }

    public static OrderLine line(String product, int quantity, String unitPrice) {
        return line(product, quantity, unitPrice, "EUR");
    }

    public static OrderLine line(String product, int quantity, String unitPrice, String currency) {
        return new OrderLine(new ProductId(product), quantity, Money.of(unitPrice, currency));
    }

    public static OrderPlaced placed(OrderId order, OrderLine... lines) {
        BigDecimal total = List.of(lines).stream()
                .map(line -> line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderPlaced(order, ALICE, EMAIL, List.of(lines), new Money(total, lines[0].unitPrice().currency()));
    }

    public static OrderConfirmed confirmed(OrderPlaced order) {
        return new OrderConfirmed(order.orderId(), ALICE, EMAIL, order.total());
    }

    public static OrderCancelled cancelled(OrderPlaced order, String reason) {
        return new OrderCancelled(order.orderId(), ALICE, EMAIL, reason);
    }

    public static PaymentCompleted paid(OrderPlaced order) {
        return new PaymentCompleted(order.orderId(), ALICE, order.total(), Money.of("1000.00", "EUR"));
    }

    public static PaymentRefunded refunded(OrderPlaced order) {
        return new PaymentRefunded(order.orderId(), ALICE, order.total(), Money.of("1000.00", "EUR"));
    }

    public static InventoryRejected outOfStock(OrderPlaced order) {
        OrderLine line = order.lines().get(0);
        return new InventoryRejected(order.orderId(), line.productId(), line.quantity(), 0, "out of stock");
    }
}
