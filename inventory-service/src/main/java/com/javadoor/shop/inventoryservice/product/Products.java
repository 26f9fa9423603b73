package com.javadoor.shop.inventoryservice.product;

import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.ProductId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue and its stock in the {@code product} table, with plain SQL. */
@Repository
class Products {

    private static final String COLUMNS = "id, name, price, currency, available, reserved";

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product ORDER BY id").query(Products::product).list();
    }

    Optional<Product> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = ?").param(id).query(Products::product).optional();
    }

    /** Reads the product and locks its row until the transaction ends. */
    Optional<Product> locked(ProductId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(Products::product)
                .optional();
    }

    void storeStock(Product product) {
        jdbc.sql("UPDATE product SET available = ?, reserved = ? WHERE id = ?")
                .params(product.available(), product.reserved(), product.id().value())
                .update();
    }

    private static Product product(ResultSet row, int number) throws SQLException {
        return new Product(new ProductId(row.getString("id")), row.getString("name"),
                new Money(row.getBigDecimal("price"), Currency.getInstance(row.getString("currency"))),
                row.getInt("available"), row.getInt("reserved"));
    }
}
