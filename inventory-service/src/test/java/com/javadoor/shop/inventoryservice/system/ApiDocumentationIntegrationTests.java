package com.javadoor.shop.inventoryservice.system;

import com.javadoor.shop.inventoryservice.InventoryServiceApplication;
import com.javadoor.shop.testsupport.ApiDocumentationContract;
import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** Inventory Service's OpenAPI document and Swagger UI (the checks are {@link ApiDocumentationContract}'s). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
class ApiDocumentationIntegrationTests extends ApiDocumentationContract {

    ApiDocumentationIntegrationTests() {
        super("Inventory Service", InventoryServiceApplication.class,
                Set.of("GET /api/products", "GET /api/products/{id}", "GET /api/reservations"),
                Set.of("GET /api/products/{id} 404", "GET /api/reservations 400", "GET /api/reservations 404"));
    }
}
