package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.OrderId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Placing an order answers {@code 202 Accepted}: the order is stored and its event is on its way, but
 * whether it is confirmed is decided later, by the other services, through events.
 *
 * <p>The constraints on parameters are checked by Spring MVC's own method validation, which also checks
 * the {@code @Valid} body, once; a class-level {@code @Validated} would add a proxy that checked the body
 * a second time.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderManagement orders;
    private final OrderIntake intake;

    OrderController(OrderManagement orders, OrderIntake intake) {
        this.orders = orders;
        this.intake = intake;
    }

    /**
     * With an {@code Idempotency-Key} header, a retry of the same request answers with the order of the
     * first try instead of placing another; the same key with a different order is a 422 problem. When
     * more orders are waiting to be stored than the intake holds, the answer is a quick 503 problem with
     * {@code Retry-After} instead of a long wait.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "Stored as PENDING; settled later through events",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "Invalid order or Idempotency-Key", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for another order", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Too many orders at once; try again after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Size(min = 1, max = 255) @Pattern(regexp = "[\\x21-\\x7E]+") String idempotencyKey) {
        OrderView order = intake.place(request.toCommand(), idempotencyKey);
        return ResponseEntity.accepted()
                .location(URI.create("/api/orders/" + order.id()))
                .body(order);
    }

    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "The order, its status and history", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No order with this id", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    OrderView find(@PathVariable UUID id) {
        return orders.view(new OrderId(id));
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "A page of orders, newest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "Page or size out of range", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    OrderPage newestFirst(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return orders.newestFirst(page, size);
    }
}
