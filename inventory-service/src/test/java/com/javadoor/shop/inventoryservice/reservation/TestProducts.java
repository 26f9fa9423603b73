package com.javadoor.shop.inventoryservice.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.ProductId;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Products made for one test, with stock no other test touches. */
final class TestProducts {

    private final JdbcTemplate jdbc;

    TestProducts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ProductId create(int available) {
        return create("test", available);
    }

    /** Ids sort by prefix, for tests that care in which order rows are locked. */
    ProductId create(String prefix, int available) {
        String id = prefix + "-" + UUID.randomUUID();
        jdbc.update("INSERT INTO product (id, name, price, currency, available, reserved) VALUES (?, ?, 1.00, 'EUR', ?, 0)",
                id, "Test product " + id, available);
        return new ProductId(id);
    }

    void assertStock(ProductId id, int available, int reserved) {
        assertThat(jdbc.queryForObject("SELECT available FROM product WHERE id = ?", Integer.class, id.value()))
                .as("available %s", id).isEqualTo(available);
        assertThat(jdbc.queryForObject("SELECT reserved FROM product WHERE id = ?", Integer.class, id.value()))
                .as("reserved %s", id).isEqualTo(reserved);
    }
}
