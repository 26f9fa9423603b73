package com.javadoor.shop.emailservice.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What springdoc puts at the top of the document it serves at /v3/api-docs and renders in Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

    @Bean
    OpenAPI emailServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Email Service")
                .version("v1")
                .description("""
                        What was mailed to customers about their orders, read-only: one mail per OrderPlaced, \
                        OrderConfirmed and OrderCancelled on the orders topic. Errors are RFC 9457 problems."""));
    }
}
