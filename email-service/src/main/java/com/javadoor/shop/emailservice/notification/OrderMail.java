package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The e-mail that tells a customer about one state of their order.
 *
 * @param about the order event the mail tells of; one mail per order and event type
 */
record OrderMail(OrderId orderId, EventType about, String recipient, String subject, String body) {

    private static final String SIGNATURE = "\nKind regards,\nJavadoor Shop\n";

    static OrderMail of(OrderPlaced event) {
        String lines = event.lines().stream().map(OrderMail::line).collect(Collectors.joining("\n"));
        return new OrderMail(event.orderId(), EventType.ORDER_PLACED, event.customerEmail(),
                "We received your order " + event.orderId(), """
                Hello,

                we received your order %s:

                %s

                Total: %s

                We are now taking the payment and reserving the items, and will write again once the
                order is confirmed.
                """.formatted(event.orderId(), lines, text(event.total())) + SIGNATURE);
    }

    static OrderMail of(OrderConfirmed event) {
        return new OrderMail(event.orderId(), EventType.ORDER_CONFIRMED, event.customerEmail(),
                "Your order " + event.orderId() + " is confirmed", """
                Hello,

                your order %s is confirmed: the payment of %s went through and every item is
                reserved for you. It will be shipped.
                """.formatted(event.orderId(), text(event.total())) + SIGNATURE);
    }

    static OrderMail of(OrderCancelled event) {
        return new OrderMail(event.orderId(), EventType.ORDER_CANCELLED, event.customerEmail(),
                "Your order " + event.orderId() + " was cancelled", """
                Hello,

                we are sorry: your order %s was cancelled.

                Reason: %s

                Anything that was charged for it is refunded, and nothing will be shipped.
                """.formatted(event.orderId(), event.reason()) + SIGNATURE);
    }

    private static String line(OrderLine line) {
        Money subtotal = new Money(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())),
                line.unitPrice().currency());
        return "  %d x %s at %s = %s".formatted(line.quantity(), line.productId(), text(line.unitPrice()),
                text(subtotal));
    }

    private static String text(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
