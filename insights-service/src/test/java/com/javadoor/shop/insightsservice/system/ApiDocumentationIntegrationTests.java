package com.javadoor.shop.insightsservice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.insightsservice.InsightsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document springdoc builds from the insights controllers, and Swagger UI for it. */
@InsightsIntegrationTest
class ApiDocumentationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsEveryEndpointAndServesSwaggerUi() throws Exception {
        JsonNode docs = JsonMapper.builder().build().readTree(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(docs.get("paths").propertyNames()).contains("/api/activity", "/api/sales",
                "/api/sales/{productId}", "/api/history/{orderId}");
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
