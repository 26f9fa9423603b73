package com.javadoor.shop.emailservice.system;

import com.javadoor.shop.emailservice.EmailServiceApplication;
import com.javadoor.shop.emailservice.EmailServiceIntegrationTest;
import com.javadoor.shop.testsupport.ApiDocumentationContract;
import java.util.Set;

/** Email Service's OpenAPI document and Swagger UI (the checks are {@link ApiDocumentationContract}'s). */
@EmailServiceIntegrationTest
class ApiDocumentationIntegrationTests extends ApiDocumentationContract {

    ApiDocumentationIntegrationTests() {
        super("Email Service", EmailServiceApplication.class, Set.of("GET /api/notifications"),
                Set.of("GET /api/notifications 400"));
    }
}
