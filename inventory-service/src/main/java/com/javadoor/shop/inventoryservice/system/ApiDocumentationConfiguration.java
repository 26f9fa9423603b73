package com.javadoor.shop.inventoryservice.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What springdoc puts at the top of the document it serves at /v3/api-docs and renders in Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

    @Bean
    OpenAPI inventoryServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Inventory Service")
                .version("v1")
                .description("""
                        The catalogue with its stock, and what was reserved for each order, read-only: stock \
                        is reserved and released only in reaction to OrderPlaced and OrderCancelled on the \
                        orders topic. Errors are RFC 9457 problems."""));
    }
}
