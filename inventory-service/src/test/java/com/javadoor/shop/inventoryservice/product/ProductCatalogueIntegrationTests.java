package com.javadoor.shop.inventoryservice.product;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
class ProductCatalogueIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsTheSeededCatalogueWithItsStock() throws Exception {
        mvc.perform(get("/api/products"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItems("keyboard", "mouse", "monitor", "webcam",
                        "limited-edition", "load-test-item")))
                .andExpect(jsonPath("$[?(@.id == 'limited-edition')].available").value(1))
                .andExpect(jsonPath("$[?(@.id == 'load-test-item')].available").value(10_000_000));
    }

    @Test
    void showsOneProductWithPriceAvailableAndReserved() throws Exception {
        String id = "test-" + UUID.randomUUID();
        jdbc.update("INSERT INTO product (id, name, price, currency, available, reserved) VALUES (?, 'Desk lamp', 24.50, 'EUR', 7, 3)",
                id);

        mvc.perform(get("/api/products/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Desk lamp"))
                .andExpect(jsonPath("$.price").value(24.50))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.available").value(7))
                .andExpect(jsonPath("$.reserved").value(3));
        mvc.perform(get("/api/products/{id}", "keyboard"))
                .andExpect(jsonPath("$.price").value(49.90))
                .andExpect(jsonPath("$.currency").value("EUR"));
    }

    @Test
    void anUnknownProductIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/products/{id}", "no-such-product"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Product not found"))
                .andExpect(jsonPath("$.detail").value("No product no-such-product"));
    }
}
