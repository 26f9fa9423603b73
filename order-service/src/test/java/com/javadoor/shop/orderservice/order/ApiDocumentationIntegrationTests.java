package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.orderservice.OrderServiceApplication;
import com.javadoor.shop.testsupport.ApiDocumentationContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Order Service's OpenAPI document and Swagger UI (the common checks are {@link ApiDocumentationContract}'s). */
@OrderServiceIntegrationTest
class ApiDocumentationIntegrationTests extends ApiDocumentationContract {

    ApiDocumentationIntegrationTests() {
        super("Order Service", OrderServiceApplication.class,
                Set.of("POST /api/orders", "GET /api/orders", "GET /api/orders/{id}"),
                Set.of("POST /api/orders 400", "POST /api/orders 422", "POST /api/orders 503", "GET /api/orders 400",
                        "GET /api/orders/{id} 400", "GET /api/orders/{id} 404"));
    }

    @Test
    void documentsThatPlacingAnOrderIsAccepted() throws Exception {
        assertThat(apiDocs().at("/paths/~1api~1orders/post/responses").propertyNames())
                .as("placing answers 202 Accepted").contains("202").doesNotContain("200");
    }
}
