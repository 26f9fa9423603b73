package com.javadoor.shop.inventoryservice.product;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue with its stock, read-only: stock changes only through order events. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    @GetMapping
    List<ProductView> all() {
        return products.findAllByOrderByIdAsc().stream().map(ProductView::of).toList();
    }

    @GetMapping("/{id}")
    ProductView find(@PathVariable String id) {
        return products.findById(id).map(ProductView::of).orElseThrow(() -> new ProductNotFoundException(id));
    }
}
