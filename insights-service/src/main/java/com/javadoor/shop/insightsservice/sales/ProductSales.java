package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.ProductId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a product sold: units, and revenue per currency (amounts in different currencies are never
 * added up). Both the running total and the contribution of one order line.
 */
record ProductSales(ProductId productId, long quantity, List<Money> revenue) {

    ProductSales {
        revenue = List.copyOf(revenue);
    }

    static ProductSales of(OrderLine line) {
        Money unitPrice = line.unitPrice();
        Money lineTotal = new Money(unitPrice.amount().multiply(BigDecimal.valueOf(line.quantity())),
                unitPrice.currency());
        return new ProductSales(line.productId(), line.quantity(), List.of(lineTotal));
    }

    ProductSales plus(ProductSales more) {
        Map<Currency, BigDecimal> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        Stream.concat(revenue.stream(), more.revenue.stream())
                .forEach(money -> byCurrency.merge(money.currency(), money.amount(), BigDecimal::add));
        return new ProductSales(productId, quantity + more.quantity,
                byCurrency.entrySet().stream().map(sum -> new Money(sum.getValue(), sum.getKey())).toList());
    }
}
