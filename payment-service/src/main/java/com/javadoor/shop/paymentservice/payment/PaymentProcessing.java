package com.javadoor.shop.paymentservice.payment;

import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.messaging.EventPublisher;
import com.javadoor.shop.paymentservice.account.Accounts;
import com.javadoor.shop.paymentservice.account.Charge;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges placed orders and refunds cancelled ones. The change of the balance, the payment row and the
 * event that reports them commit together, through the outbox, in the transaction of the inbox.
 */
@Service
@Transactional
class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    private final Payments payments;
    private final Accounts accounts;
    private final EventPublisher events;
    private final Clock clock;

    PaymentProcessing(Payments payments, Accounts accounts, EventPublisher events, Clock clock) {
        this.payments = payments;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Charges the order's total, or declines it. An order that already has a payment is left alone: the
     * inbox only knows event ids, and a second OrderPlaced of the same order may come with a new one.
     */
    void on(OrderPlaced event, EventMetadata cause) {
        Optional<Payment> existing = payments.ofOrder(event.orderId());
        if (existing.isPresent()) {
            log.warn("Ignored {} {}: order {} was already {}", cause.type(), cause.id(), event.orderId(),
                    existing.get().status());
            return;
        }
        Charge charge = accounts.charge(event.customerId(), event.total());
        if (charge instanceof Charge.Accepted accepted) {
            Payment payment = Payment.charged(event.orderId(), event.customerId(), event.total(), clock.instant());
            payments.add(payment);
            events.publish(new PaymentCompleted(event.orderId(), event.customerId(), payment.amount(),
                    accepted.balanceAfter()), cause);
            log.info("Charged {} to {} for order {}", format(payment.amount()), event.customerId(), event.orderId());
        }
        else if (charge instanceof Charge.Declined declined) {
            Payment payment = Payment.declined(event.orderId(), event.customerId(), event.total(),
                    declined.reason(), clock.instant());
            payments.add(payment);
            events.publish(new PaymentFailed(event.orderId(), event.customerId(), payment.amount(),
                    declined.reason()), cause);
            log.info("Declined order {} of {}: {}", event.orderId(), event.customerId(), declined.reason());
        }
    }

    /** Gives a charge back; an order that was never charged, or was refunded already, needs nothing. */
    void on(OrderCancelled event, EventMetadata cause) {
        Optional<Payment> charged = payments.ofOrder(event.orderId()).filter(Payment::isCharged);
        if (charged.isEmpty()) {
            log.info("Nothing to refund for cancelled order {}", event.orderId());
            return;
        }
        Payment payment = charged.get();
        Money balanceAfter = accounts.credit(payment.customerId(), payment.amount());
        payments.update(payment.refunded(clock.instant()));
        events.publish(new PaymentRefunded(payment.orderId(), payment.customerId(), payment.amount(), balanceAfter),
                cause);
        log.info("Refunded {} to {} for cancelled order {}", format(payment.amount()), payment.customerId(),
                event.orderId());
    }

    @Transactional(readOnly = true)
    List<PaymentView> ofOrder(OrderId order) {
        return payments.ofOrder(order).map(PaymentView::of).stream().toList();
    }

    private static String format(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
