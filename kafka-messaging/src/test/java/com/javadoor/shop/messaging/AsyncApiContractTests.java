package com.javadoor.shop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;
import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code docs/asyncapi.yaml} true to the code: its channels are the topics, its messages are the
 * types of {@link EventType}, its payload schemas describe the event records component by component,
 * its headers are what {@link EventMetadata} writes, and the golden samples fit its schemas.
 */
class AsyncApiContractTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    private static JsonNode asyncApi;
    private static StructuralSchemaCheck schemas;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void readDocument() {
        assertThat(DOCUMENT).as("the AsyncAPI document, relative to this module").exists();
        asyncApi = YAMLMapper.builder().build().readTree(DOCUMENT.toFile());
        schemas = new StructuralSchemaCheck(asyncApi);
    }

    @Test
    void theChannelsAreTheTopicsOfTheEventTypes() {
        Set<String> addresses = channels().values().stream().map(channel -> channel.get("address").asString())
                .collect(Collectors.toSet());

        assertThat(addresses).isSubsetOf(topicConstants()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::topic).distinct().toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfTheChannelOfItsTopic(EventType type) {
        assertThat(message(type).path("name").asString()).isEqualTo(type.typeName());
    }

    @Test
    void everyMessageOfAChannelIsAnEventTypeOfItsTopic() {
        channels().forEach((key, channel) -> channel.get("messages").properties().forEach(message -> {
            Optional<EventType> type = EventType.named(schemas.resolve(message.getValue()).path("name").asString());
            assertThat(type).as("message %s of channel %s", message.getKey(), key).isPresent();
            assertThat(type.get().topic()).isEqualTo(channel.get("address").asString());
        }));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void thePayloadSchemaDescribesTheEventRecord(EventType type) {
        assertDescribes(payload(type), type.eventClass(), type.typeName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theGoldenSampleFitsThePayloadSchema(EventType type) throws IOException {
        assertThat(schemas.violations(payload(type), json.readTree(golden(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theHeadersEventMetadataWritesFitTheHeadersSchema(EventType type) {
        EventMetadata first = metadata(type, null);
        EventMetadata caused = metadata(type, UUID.randomUUID());
        JsonNode headers = schemas.resolve(asyncApi.at("/components/schemas/EventHeaders"));

        assertThat(headers.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(
                headersOf(caused).propertyNames());
        assertThat(headers.get("required").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(headersOf(first).propertyNames());
        assertThat(schemas.violations(message(type).get("headers"), headersOf(first))).isEmpty();
        assertThat(schemas.violations(message(type).get("headers"), headersOf(caused))).isEmpty();
    }

    @Test
    void theChannelBindingsSayWhatTheServicesDeclare() {
        EventTopics declarations = new EventTopics(
                new Binder().bindOrCreate("shop.messaging", MessagingProperties.class).topics());

        channels().values().forEach(channel -> {
            NewTopic topic = declarations.eventTopic(channel.get("address").asString());
            JsonNode binding = channel.at("/bindings/kafka");
            assertThat(binding.get("partitions").asInt()).isEqualTo(topic.numPartitions());
            assertThat(binding.at("/topicConfiguration/retention.ms").asString())
                    .isEqualTo(topic.configs().get("retention.ms"));
        });
    }

    @Test
    void everyChannelHasOneWriterAndEveryOperationOnlyMessagesOfItsChannel() {
        Map<String, Long> writers = asyncApi.get("operations").valueStream()
                .filter(operation -> operation.get("action").asString().equals("send"))
                .collect(Collectors.groupingBy(operation -> operation.at("/channel/$ref").asString(),
                        Collectors.counting()));
        assertThat(writers).containsOnlyKeys(channels().keySet().stream().map(key -> "#/channels/" + key).toList())
                .allSatisfy((channel, count) -> assertThat(count).as(channel).isOne());

        asyncApi.get("operations").properties().forEach(operation -> {
            String channel = operation.getValue().at("/channel/$ref").asString();
            assertThat(operation.getValue().get("messages").valueStream().map(ref -> ref.get("$ref").asString()))
                    .as(operation.getKey())
                    .isNotEmpty()
                    .allMatch(ref -> ref.startsWith(channel + "/messages/"))
                    .allMatch(ref -> !schemas.resolve(asyncApi.at(ref.substring(1))).isMissingNode());
        });
    }

    /** The schema lists the record's components, requires those that are not optional, and types each. */
    private void assertDescribes(JsonNode schemaOrRef, Type type, String where) {
        JsonNode schema = schemas.resolve(schemaOrRef);
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (List.class.isAssignableFrom(raw)) {
            assertThat(schema.path("type").asString()).as(where).isEqualTo("array");
            assertDescribes(schema.get("items"), ((ParameterizedType) type).getActualTypeArguments()[0], where + "[]");
            return;
        }
        if (!raw.isRecord()) {
            assertThat(schema.path("type").asString()).as(where).isEqualTo(jsonType(raw));
            return;
        }
        List<RecordComponent> components = Arrays.asList(raw.getRecordComponents());
        Optional<RecordComponent> value = components.stream()
                .filter(component -> component.getAccessor().isAnnotationPresent(JsonValue.class)).findFirst();
        if (value.isPresent()) {
            assertDescribes(schema, value.get().getGenericType(), where);
            return;
        }
        assertThat(schema.path("type").asString()).as(where).isEqualTo("object");
        assertThat(schema.get("properties").propertyNames()).as(where)
                .containsExactlyInAnyOrderElementsOf(components.stream().map(RecordComponent::getName).toList());
        assertThat(schema.path("required").valueStream().map(JsonNode::asString).toList()).as(where + " required")
                .containsExactlyInAnyOrderElementsOf(components.stream().filter(component -> !isOptional(component))
                        .map(RecordComponent::getName).toList());
        for (RecordComponent component : components) {
            JsonNode property = schema.get("properties").get(component.getName());
            String path = where + "." + component.getName();
            if (component.getType() == BigDecimal.class) {
                JsonFormat format = component.getAccessor().getAnnotation(JsonFormat.class);
                assertThat(schemas.resolve(property).path("type").asString()).as(path).isEqualTo(
                        format != null && format.shape() == JsonFormat.Shape.STRING ? "string" : "number");
            }
            else {
                assertDescribes(property, component.getGenericType(), path);
            }
        }
    }

    /** How Jackson writes a value of a type that is not a record, for the types the events use. */
    private static String jsonType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == String.class || type == UUID.class || type == Currency.class || type == Instant.class
                || type.isEnum()) {
            return "string";
        }
        throw new AssertionError("No JSON type known here for " + type.getName() + ": add it");
    }

    private static boolean isOptional(RecordComponent component) {
        return component.getType() == Optional.class || Arrays.stream(component.getAccessor().getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
    }

    private static Map<String, JsonNode> channels() {
        return asyncApi.get("channels").properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static JsonNode channel(String topic) {
        return channels().values().stream().filter(channel -> channel.get("address").asString().equals(topic))
                .findFirst().orElseThrow(() -> new AssertionError("No channel for topic " + topic));
    }

    /** The message of the type's name on the channel of its topic; missing if there is none. */
    private static JsonNode message(EventType type) {
        JsonNode message = channel(type.topic()).path("messages").path(type.typeName());
        return message.isMissingNode() ? message : schemas.resolve(message);
    }

    private static JsonNode payload(EventType type) {
        return message(type).get("payload");
    }

    private static Set<String> topicConstants() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(AsyncApiContractTests::valueOf).collect(Collectors.toSet());
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static EventMetadata metadata(EventType type, UUID causationId) {
        OrderId order = OrderId.random();
        return new EventMetadata(UUID.randomUUID(), type.typeName(), type.schemaVersion(), "order-service",
                Instant.now(), order.toString(), UUID.randomUUID(), causationId);
    }

    private ObjectNode headersOf(EventMetadata metadata) {
        RecordHeaders headers = new RecordHeaders();
        metadata.writeTo(headers);
        ObjectNode node = json.createObjectNode();
        headers.forEach(header -> node.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        return node;
    }

    private static byte[] golden(EventType type) throws IOException {
        String name = "/golden/" + type.typeName() + ".v" + type.schemaVersion() + ".json";
        try (InputStream in = AsyncApiContractTests.class.getResourceAsStream(name)) {
            assertThat(in).as("golden sample %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
