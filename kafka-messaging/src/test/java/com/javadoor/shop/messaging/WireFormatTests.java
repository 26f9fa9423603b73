package com.javadoor.shop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.OrderPlaced;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the wire format: every event type has a golden sample that must read and write back to the same
 * JSON. A change to a record that consumers would notice fails here before it reaches a topic.
 */
class WireFormatTests {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleReadsAndWritesBackIdentically(EventType type) throws IOException {
        byte[] golden = golden(type);

        var event = codec.read(type.typeName(), golden);

        assertThat(event).isInstanceOf(type.eventClass());
        assertThat(json.readTree(codec.write(event))).isEqualTo(json.readTree(golden));
    }

    @Test
    void amountsTravelAsDecimalStrings() throws IOException {
        OrderPlaced placed = (OrderPlaced) codec.read("OrderPlaced", golden(EventType.ORDER_PLACED));

        assertThat(placed.total().amount()).isEqualTo(new BigDecimal("45.00"));
        assertThat(new String(codec.write(placed), StandardCharsets.UTF_8)).contains("\"amount\":\"45.00\"");
    }

    @Test
    void toleratesFieldsAddedByANewerProducer() throws IOException {
        String newer = new String(golden(EventType.ORDER_PLACED), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{ \"loyaltyPoints\": 45, \"channel\": { \"name\": \"mobile\" },");

        var event = codec.read("OrderPlaced", newer.getBytes(StandardCharsets.UTF_8));

        assertThat(event).isEqualTo(codec.read("OrderPlaced", golden(EventType.ORDER_PLACED)));
    }

    @Test
    void rejectsAnEventWithoutARequiredField() {
        byte[] missingCustomer = """
                { "orderId": "6f1c2b1e-8a2d-4c1e-9a53-2f0f5b6f7a10", "customerEmail": "a@example.com",
                  "lines": [{ "productId": "mouse", "quantity": 1, "unitPrice": { "amount": "1.00", "currency": "EUR" } }],
                  "total": { "amount": "1.00", "currency": "EUR" } }""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read("OrderPlaced", missingCustomer)).isInstanceOf(JacksonException.class);
    }

    @Test
    void rejectsATypeNameOutsideTheContract() {
        assertThatThrownBy(() -> codec.read("com.javadoor.shop.events.OrderPlaced", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UnknownEventTypeException.class);
    }

    private static byte[] golden(EventType type) throws IOException {
        String name = "/golden/" + type.typeName() + ".v" + type.schemaVersion() + ".json";
        try (InputStream in = WireFormatTests.class.getResourceAsStream(name)) {
            assertThat(in).as("golden sample %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
