package com.javadoor.shop.inventoryservice.product;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue with its stock, read-only: stock changes only through order events. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    @GetMapping
    List<ProductView> all() {
        return products.all().stream().map(ProductView::of).toList();
    }

    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "The product with its price and stock", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No product with this id", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ProductView find(@PathVariable String id) {
        return products.find(id).map(ProductView::of).orElseThrow(() -> new ProductNotFoundException(id));
    }
}
