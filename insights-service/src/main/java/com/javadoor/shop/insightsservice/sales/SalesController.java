package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.ProductId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sales")
class SalesController {

    private final SalesTotals totals;

    SalesController(SalesTotals totals) {
        this.totals = totals;
    }

    @GetMapping
    List<ProductSales> all() {
        return totals.all();
    }

    @GetMapping("/{productId}")
    ProductSales of(@PathVariable String productId) {
        return totals.of(new ProductId(productId));
    }
}
