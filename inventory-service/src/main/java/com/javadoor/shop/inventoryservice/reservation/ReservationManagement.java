package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryReleased;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.StockLevel;
import com.javadoor.shop.inventoryservice.product.ProductQuantity;
import com.javadoor.shop.inventoryservice.product.Stock;
import com.javadoor.shop.inventoryservice.product.StockOutcome;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.messaging.EventPublisher;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers each order with a reservation, and gives the stock back when the order is cancelled. The
 * stock change, the reservation and the event that reports them commit together through the outbox,
 * with the order's event as their cause.
 */
@Service
@Transactional
class ReservationManagement {

    private static final Logger log = LoggerFactory.getLogger(ReservationManagement.class);

    private final Reservations reservations;
    private final Stock stock;
    private final EventPublisher events;
    private final Clock clock;

    ReservationManagement(Reservations reservations, Stock stock, EventPublisher events, Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reserves every line of the order, or none of them. A redelivered event is dropped by the inbox
     * before it gets here; the unique order id of a reservation also stops two different events for one
     * order, even at the same moment: the second insert fails and rolls its stock change back.
     */
    void on(OrderPlaced event, EventMetadata cause) {
        OrderId orderId = event.orderId();
        if (reservations.exists(orderId)) {
            log.warn("Order {} was already answered; ignored {} {}", orderId, cause.type(), cause.id());
            return;
        }
        List<ProductQuantity> lines = event.lines().stream()
                .map(line -> new ProductQuantity(line.productId(), line.quantity()))
                .toList();
        StockOutcome outcome = stock.reserve(lines);
        if (outcome instanceof StockOutcome.Reserved reserved) {
            reservations.add(Reservation.reserved(orderId, lines, clock.instant()));
            events.publish(new InventoryUpdated(orderId, reserved.levels()), cause);
        }
        else if (outcome instanceof StockOutcome.Shortage shortage) {
            reservations.add(Reservation.rejected(orderId, lines, shortage.reason(), clock.instant()));
            events.publish(new InventoryRejected(orderId, shortage.productId(), shortage.requested(),
                    shortage.available(), shortage.reason()), cause);
        }
    }

    /**
     * Gives back what the order holds. An order that holds nothing (refused, already released, or never
     * seen because its stock was not asked for) needs nothing given back, and no event says so.
     */
    void on(OrderCancelled event, EventMetadata cause) {
        reservations.ofOrder(event.orderId())
                .filter(Reservation::isHeld)
                .ifPresentOrElse(reservation -> {
                    List<StockLevel> released = stock.release(reservation.lines());
                    reservations.update(reservation.released(event.reason(), clock.instant()));
                    events.publish(new InventoryReleased(event.orderId(), released), cause);
                }, () -> log.debug("Order {} cancelled; it holds no stock", event.orderId()));
    }

    @Transactional(readOnly = true)
    ReservationView view(OrderId orderId) {
        return reservations.ofOrder(orderId)
                .map(ReservationView::of)
                .orElseThrow(() -> new ReservationNotFoundException(orderId));
    }
}
