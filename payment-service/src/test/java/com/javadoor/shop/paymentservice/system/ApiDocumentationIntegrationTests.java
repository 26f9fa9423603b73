package com.javadoor.shop.paymentservice.system;

import com.javadoor.shop.paymentservice.PaymentServiceApplication;
import com.javadoor.shop.testsupport.ApiDocumentationContract;
import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** Payment Service's OpenAPI document and Swagger UI (the checks are {@link ApiDocumentationContract}'s). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
class ApiDocumentationIntegrationTests extends ApiDocumentationContract {

    ApiDocumentationIntegrationTests() {
        super("Payment Service", PaymentServiceApplication.class,
                Set.of("GET /api/customers", "GET /api/customers/{id}", "GET /api/payments"),
                Set.of("GET /api/customers/{id} 404", "GET /api/payments 400"));
    }
}
