package com.javadoor.shop.emailservice.notification;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    boolean existsByOrderIdAndAbout(UUID orderId, String about);

    Page<Notification> findAllByOrderBySentAtDesc(Pageable pageable);

    Page<Notification> findByOrderIdOrderBySentAtDesc(UUID orderId, Pageable pageable);
}
