package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** The body of {@code POST /api/orders}; every bound is checked before anything is stored. */
record PlaceOrderRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String customerId,
        @NotBlank @Email @Size(max = 254) String customerEmail,
        @NotNull @IsoCurrency String currency,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items) {

    record Item(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String productId,
            @NotNull @Min(1) @Max(1000) Integer quantity,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("1000000.00")
            @Digits(integer = 7, fraction = 2) BigDecimal unitPrice) {
    }

    PlaceOrder toCommand() {
        return new PlaceOrder(new CustomerId(customerId), customerEmail, Currency.getInstance(currency),
                items.stream().map(item -> new OrderLineItem(item.productId(), item.quantity(), item.unitPrice()))
                        .toList());
    }
}
