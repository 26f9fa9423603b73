package com.javadoor.shop.inventoryservice.product;

import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.StockLevel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves units between available and reserved, safely under concurrent orders.
 *
 * <p>Two orders for the last units must not both get them. Checking {@code available} and then writing
 * it is a race, so each product's row is locked ({@code SELECT ... FOR UPDATE}) before it is read: a
 * second order for the same product waits for the first to commit, then sees what is left. The rows
 * of an order are locked in product-id order, so two orders sharing products always queue in the same
 * order and can never hold one lock each while waiting for the other's (a deadlock). The locks last
 * until the caller's transaction ends, which is why this runs only inside one: the stock, the
 * reservation and its event commit together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Stock {

    private final Products products;

    Stock(Products products) {
        this.products = products;
    }

    /**
     * Reserves every line or none. A product may appear on several lines; the lines together must fit.
     */
    public StockOutcome reserve(List<ProductQuantity> lines) {
        Map<ProductId, Product> locked = lockInIdOrder(lines);
        for (Map.Entry<ProductId, Integer> wanted : totalPerProduct(lines).entrySet()) {
            ProductId id = wanted.getKey();
            int requested = wanted.getValue();
            Product product = locked.get(id);
            if (product == null) {
                return new StockOutcome.Shortage(id, requested, 0, "Unknown product " + id);
            }
            if (!product.canReserve(requested)) {
                return new StockOutcome.Shortage(id, requested, product.available(),
                        shortage(id, requested, product.available()));
            }
        }
        List<StockLevel> levels = lines.stream().map(line -> {
            Product product = locked.get(line.productId());
            product.reserve(line.quantity());
            return new StockLevel(line.productId(), line.quantity(), product.available());
        }).toList();
        locked.values().forEach(products::storeStock);
        return new StockOutcome.Reserved(levels);
    }

    /** Gives reserved units back for sale; one level per line, in the given order. */
    public List<StockLevel> release(List<ProductQuantity> lines) {
        Map<ProductId, Product> locked = lockInIdOrder(lines);
        List<StockLevel> levels = lines.stream().map(line -> {
            Product product = locked.get(line.productId());
            if (product == null) {
                throw new IllegalStateException("Product " + line.productId() + " of a reservation is gone");
            }
            product.release(line.quantity());
            return new StockLevel(line.productId(), line.quantity(), product.available());
        }).toList();
        locked.values().forEach(products::storeStock);
        return levels;
    }

    private Map<ProductId, Product> lockInIdOrder(List<ProductQuantity> lines) {
        Map<ProductId, Product> locked = new HashMap<>();
        lines.stream()
                .map(ProductQuantity::productId)
                .distinct()
                .sorted(Comparator.comparing(ProductId::value))
                .forEach(id -> products.locked(id).ifPresent(product -> locked.put(id, product)));
        return locked;
    }

    /** Units asked for per product, in the order the products first appear on the order. */
    private static Map<ProductId, Integer> totalPerProduct(List<ProductQuantity> lines) {
        Map<ProductId, Integer> totals = new LinkedHashMap<>();
        lines.forEach(line -> totals.merge(line.productId(), line.quantity(), Integer::sum));
        return totals;
    }

    private static String shortage(ProductId id, int requested, int available) {
        return available == 0 ? id + " is out of stock, " + requested + " requested"
                : "Only " + available + " of " + id + " left, " + requested + " requested";
    }
}
