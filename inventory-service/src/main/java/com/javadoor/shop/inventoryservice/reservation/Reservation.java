package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.inventoryservice.product.ProductQuantity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's answer to one order: its lines held ({@code RESERVED}), given back ({@code RELEASED})
 * or refused ({@code REJECTED}). A refusal is kept too, so the order's answer can be looked up and a
 * second {@code OrderPlaced} for the same order finds it already answered.
 */
@Entity
@Table(name = "reservation")
class Reservation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID orderId;
    @Enumerated(EnumType.STRING)
    private ReservationStatus status;
    /** Why the lines are not held: the shortage, or the order's cancellation. */
    private String reason;
    private Instant createdAt;
    private Instant updatedAt;
    /**
     * One partition per order keeps its events in line; should two writers still meet, the second fails at
     * commit, is retried, and finds the reservation as the first left it.
     */
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderColumn(name = "position")
    private List<ReservationLine> lines = new ArrayList<>();

    protected Reservation() {
    }

    private Reservation(OrderId orderId, ReservationStatus status, List<ProductQuantity> lines, String reason,
            Instant at) {
        this.orderId = orderId.value();
        this.status = status;
        this.lines.addAll(lines.stream().map(ReservationLine::of).toList());
        this.reason = reason;
        this.createdAt = at;
        this.updatedAt = at;
    }

    static Reservation reserved(OrderId orderId, List<ProductQuantity> lines, Instant at) {
        return new Reservation(orderId, ReservationStatus.RESERVED, lines, null, at);
    }

    static Reservation rejected(OrderId orderId, List<ProductQuantity> lines, String reason, Instant at) {
        return new Reservation(orderId, ReservationStatus.REJECTED, lines, reason, at);
    }

    boolean isHeld() {
        return status == ReservationStatus.RESERVED;
    }

    void release(String reason, Instant at) {
        if (!isHeld()) {
            throw new IllegalStateException("Reservation for order " + orderId + " is " + status + ", not held");
        }
        this.status = ReservationStatus.RELEASED;
        this.reason = reason;
        this.updatedAt = at;
    }

    OrderId orderId() {
        return new OrderId(orderId);
    }

    ReservationStatus status() {
        return status;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<ProductQuantity> lines() {
        return lines.stream().map(ReservationLine::toQuantity).toList();
    }
}
