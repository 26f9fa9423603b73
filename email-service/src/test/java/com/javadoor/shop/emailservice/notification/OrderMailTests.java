package com.javadoor.shop.emailservice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderMailTests {

    private final OrderId orderId = OrderId.parse("0b7e6c1e-51c4-4f6e-9a43-2d3c0d1f5a11");
    private final CustomerId customer = new CustomerId("alice");

    @Test
    void anOrderReceivedMailListsEveryLineWithItsSubtotalAndTheTotal() {
        OrderMail mail = OrderMail.of(new OrderPlaced(orderId, customer, "alice@example.com",
                List.of(new OrderLine(new ProductId("keyboard"), 3, Money.of("19.99", "EUR")),
                        new OrderLine(new ProductId("cable"), 1, Money.of("4.5", "EUR"))),
                Money.of("64.47", "EUR")));

        assertThat(mail.about()).isEqualTo(EventType.ORDER_PLACED);
        assertThat(mail.orderId()).isEqualTo(orderId);
        assertThat(mail.recipient()).isEqualTo("alice@example.com");
        assertThat(mail.subject()).isEqualTo("We received your order " + orderId);
        assertThat(mail.body())
                .contains("we received your order " + orderId + ":")
                .contains("  3 x keyboard at 19.99 EUR = 59.97 EUR\n  1 x cable at 4.5 EUR = 4.5 EUR")
                .contains("Total: 64.47 EUR");
    }

    @Test
    void aConfirmationMailNamesTheAmountCharged() {
        OrderMail mail = OrderMail.of(new OrderConfirmed(orderId, customer, "alice@example.com",
                Money.of("64.47", "EUR")));

        assertThat(mail.about()).isEqualTo(EventType.ORDER_CONFIRMED);
        assertThat(mail.subject()).isEqualTo("Your order " + orderId + " is confirmed");
        assertThat(mail.body()).contains("the payment of 64.47 EUR went through");
    }

    @Test
    void aCancellationMailGivesTheReason() {
        OrderMail mail = OrderMail.of(new OrderCancelled(orderId, customer, "alice@example.com",
                "Out of stock: only 2 keyboard left"));

        assertThat(mail.about()).isEqualTo(EventType.ORDER_CANCELLED);
        assertThat(mail.subject()).isEqualTo("Your order " + orderId + " was cancelled");
        assertThat(mail.body()).contains("Reason: Out of stock: only 2 keyboard left");
    }
}
