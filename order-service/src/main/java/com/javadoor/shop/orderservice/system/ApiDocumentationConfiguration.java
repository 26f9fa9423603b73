package com.javadoor.shop.orderservice.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What springdoc puts at the top of the document it serves at /v3/api-docs and renders in Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

    @Bean
    OpenAPI orderServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Order Service")
                .version("v1")
                .description("""
                        Places orders and shows what became of them. A placed order is PENDING until Payment \
                        and Inventory have answered through events; then it is CONFIRMED or CANCELLED. \
                        Errors are RFC 9457 problems."""));
    }
}
