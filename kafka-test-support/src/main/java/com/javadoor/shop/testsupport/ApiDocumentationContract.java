package com.javadoor.shop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * What every service with a REST API promises of the OpenAPI document springdoc builds from its
 * controllers: every endpoint of the code is in it with a success response, every error it names is an
 * RFC 9457 problem, and Swagger UI renders it. A service's {@code ApiDocumentationIntegrationTests}
 * extends this with its title, endpoints and problems, on its own (cached) Spring test context with
 * MockMvc.
 */
public abstract class ApiDocumentationContract {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String title;
    private final Class<?> application;
    private final Set<String> endpoints;
    private final Set<String> problems;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    /**
     * @param title       the document's title
     * @param application the service's application class; endpoints of controllers in its package and
     *                    below are the service's own
     * @param endpoints   endpoints that must be documented ("GET /api/orders"), besides all in the code
     * @param problems    exactly the error responses the document names ("GET /api/orders/{id} 404")
     */
    protected ApiDocumentationContract(String title, Class<?> application, Set<String> endpoints,
            Set<String> problems) {
        this.title = title;
        this.application = application;
        this.endpoints = endpoints;
        this.problems = problems;
    }

    @Test
    void documentsEveryEndpointWithItsSuccessResponse() throws Exception {
        JsonNode docs = apiDocs();

        assertThat(docs.at("/info/title").asString()).isEqualTo(title);
        assertThat(operations(docs).keySet()).containsExactlyInAnyOrderElementsOf(endpointsInCode())
                .containsAll(endpoints);
        operations(docs).forEach((endpoint, operation) -> assertThat(operation.get("responses").properties())
                .as("success response with a body of %s", endpoint)
                .anySatisfy(response -> {
                    assertThat(response.getKey()).startsWith("2");
                    assertThat(response.getValue().at("/content").findValues("schema")).isNotEmpty();
                }));
    }

    @Test
    void documentsTheProblemsTheEndpointsAnswerWith() throws Exception {
        JsonNode docs = apiDocs();

        Map<String, JsonNode> errors = errorResponses(docs);
        assertThat(errors.keySet()).containsExactlyInAnyOrderElementsOf(problems);
        errors.forEach((response, problem) -> assertThat(problem.at("/content/application~1problem+json/schema/$ref")
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

    protected JsonNode apiDocs() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** "GET /api/payments" and so on, of every handler method this service's own controllers declare. */
    private Set<String> endpointsInCode() {
        String ownPackage = application.getPackageName();
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
