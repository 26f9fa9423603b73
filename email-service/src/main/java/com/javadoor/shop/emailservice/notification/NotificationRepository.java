package com.javadoor.shop.emailservice.notification;

import jakarta.persistence.QueryHint;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    /**
     * Without a flush first: every notification is saved and flushed before its mail goes out, so the row
     * is there to be found, and a flush would check every entity of the poll's transaction for changes, at
     * every event, a cost that grows with the square of the poll (docs/BENCHMARKS.md).
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    boolean existsByOrderIdAndAbout(UUID orderId, String about);

    Page<Notification> findAllByOrderBySentAtDesc(Pageable pageable);

    Page<Notification> findByOrderIdOrderBySentAtDesc(UUID orderId, Pageable pageable);
}
