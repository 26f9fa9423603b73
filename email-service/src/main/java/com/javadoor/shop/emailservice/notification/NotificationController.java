package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.OrderId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was mailed to customers, newest first; all of it, or what one order's customer was told. The
 * parameter constraints are checked by Spring MVC itself and answer with a 400 problem.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "A page of sent mails, newest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A malformed order id or page", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    NotificationPage newestFirst(@RequestParam(required = false) UUID orderId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notifications.newestFirst(orderId == null ? null : new OrderId(orderId), page, size);
    }
}
