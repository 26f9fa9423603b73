package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.orderservice.OrderServiceApplication;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document springdoc builds from the controllers: every endpoint of the service is in it
 * with a success response, every error it names is an RFC 9457 problem, and Swagger UI renders it.
 */
@OrderServiceIntegrationTest
class ApiDocumentationIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void documentsEveryEndpointWithItsSuccessResponse() throws Exception {
        JsonNode docs = apiDocs();

        assertThat(docs.at("/info/title").asString()).isEqualTo("Order Service");
        assertThat(operations(docs).keySet())
                .containsExactlyInAnyOrderElementsOf(endpointsInCode())
                .contains("POST /api/orders", "GET /api/orders", "GET /api/orders/{id}");
        operations(docs).forEach((endpoint, operation) -> assertThat(operation.get("responses").properties())
                .as("success response with a body of %s", endpoint)
                .anySatisfy(response -> {
                    assertThat(response.getKey()).startsWith("2");
                    assertThat(response.getValue().at("/content").findValues("schema")).isNotEmpty();
                }));
        assertThat(docs.at("/paths/~1api~1orders/post/responses").propertyNames()).as("placing answers 202 Accepted")
                .contains("202").doesNotContain("200");
    }

    @Test
    void documentsTheProblemsTheEndpointsAnswerWith() throws Exception {
        JsonNode docs = apiDocs();

        Map<String, JsonNode> problems = errorResponses(docs);
        assertThat(problems.keySet()).containsExactlyInAnyOrder("POST /api/orders 400", "POST /api/orders 422",
                "GET /api/orders 400", "GET /api/orders/{id} 400", "GET /api/orders/{id} 404");
        problems.forEach((response, problem) -> assertThat(problem.at("/content/application~1problem+json/schema/$ref")
                .asString()).as(response).isEqualTo("#/components/schemas/ProblemDetail"));
        assertThat(docs.at("/components/schemas/ProblemDetail/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance");
    }

    @Test
    void servesSwaggerUiForTheDocument() throws Exception {
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger-ui")));
        mvc.perform(get("/v3/api-docs/swagger-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/v3/api-docs"));
    }

    private JsonNode apiDocs() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** "POST /api/orders" and so on, of every handler method this service's own controllers declare. */
    private Set<String> endpointsInCode() {
        String ownPackage = OrderServiceApplication.class.getPackageName();
        return handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getPackageName().startsWith(ownPackage))
                .flatMap(mapping -> mapping.getKey().getMethodsCondition().getMethods().stream()
                        .flatMap(method -> mapping.getKey().getPatternValues().stream()
                                .map(path -> method.name() + " " + path)))
                .collect(Collectors.toSet());
    }

    private static Map<String, JsonNode> operations(JsonNode docs) {
        Map<String, JsonNode> operations = new TreeMap<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue())));
        return operations;
    }

    private static Map<String, JsonNode> errorResponses(JsonNode docs) {
        Map<String, JsonNode> errors = new TreeMap<>();
        operations(docs).forEach((endpoint, operation) -> operation.get("responses").properties().stream()
                .filter(response -> response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                .forEach(response -> errors.put(endpoint + " " + response.getKey(), response.getValue())));
        return errors;
    }
}
