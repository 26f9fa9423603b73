package com.javadoor.shop.orderservice.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<Order, UUID> {

    Page<Order> findAllByOrderByPlacedAtDesc(Pageable pageable);

    long countByStatus(OrderStatus status);

    List<Order> findByStatusAndPlacedAtBeforeOrderByPlacedAt(OrderStatus status, Instant cutoff, Pageable pageable);
}
