package com.javadoor.shop.messaging;

import static com.javadoor.shop.events.EventHeaders.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The attributes every event travels with, as CloudEvents headers next to the JSON body.
 *
 * @param id            unique per event; what consumers remember to ignore a redelivery
 * @param type          logical type name, resolved through {@link com.javadoor.shop.events.EventType}
 * @param schemaVersion version of that type's schema
 * @param source        the service that emitted the event
 * @param time          when it happened
 * @param subject       the order the event is about, also the record key
 * @param correlationId shared by every event of one order's chain
 * @param causationId   the event that caused this one, {@code null} for the first of a chain
 */
public record EventMetadata(UUID id, String type, int schemaVersion, String source, Instant time, String subject,
        UUID correlationId, UUID causationId) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public void writeTo(Headers headers) {
        headers.add(SPEC_VERSION, bytes(SPEC_VERSION_VALUE));
        headers.add(ID, bytes(id.toString()));
        headers.add(SOURCE, bytes(source));
        headers.add(TYPE, bytes(type));
        headers.add(SCHEMA_VERSION, bytes(Integer.toString(schemaVersion)));
        headers.add(TIME, bytes(time.toString()));
        headers.add(SUBJECT, bytes(subject));
        headers.add(CORRELATION_ID, bytes(correlationId.toString()));
        if (causationId != null) {
            headers.add(CAUSATION_ID, bytes(causationId.toString()));
        }
        headers.add(CONTENT_TYPE, bytes(JSON));
    }

    /** Reads the attributes back; a record without an id or a type is not an event of this shop. */
    public static EventMetadata from(Headers headers) {
        return from(name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
    }

    static EventMetadata from(Function<String, String> header) {
        UUID id = UUID.fromString(required(header, ID));
        String version = header.apply(SCHEMA_VERSION);
        String time = header.apply(TIME);
        String correlation = header.apply(CORRELATION_ID);
        String causation = header.apply(CAUSATION_ID);
        return new EventMetadata(id, required(header, TYPE), version == null ? 1 : Integer.parseInt(version),
                Objects.requireNonNullElse(header.apply(SOURCE), "unknown"),
                time == null ? Instant.EPOCH : Instant.parse(time), header.apply(SUBJECT),
                correlation == null ? id : UUID.fromString(correlation),
                causation == null ? null : UUID.fromString(causation));
    }

    private static String required(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing header " + name);
        }
        return value;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
