package com.javadoor.shop.messaging;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of the AsyncAPI document, for the keywords that document uses:
 * {@code $ref} within the document, {@code allOf}, {@code type}, {@code required}, {@code properties},
 * {@code items}, {@code minItems}, {@code minimum}, {@code const}, {@code pattern}, and the formats
 * {@code uuid} and {@code date-time}. Anything else is ignored: this is not a full validator.
 */
final class StructuralSchemaCheck {

    private final JsonNode document;

    StructuralSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Follows {@code $ref}s such as {@code #/components/schemas/Money} to the node they point at. */
    JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asString();
            resolved = document.at(ref.substring(1));
            if (resolved.isMissingNode()) {
                throw new IllegalArgumentException("Dangling reference " + ref);
            }
        }
        return resolved;
    }

    /** What is wrong with the value, one line each; empty when it fits. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> violations = new ArrayList<>();
        check(schema, value, "$", violations);
        return violations;
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String at, List<String> violations) {
        JsonNode schema = resolve(schemaOrRef);
        schema.path("allOf").forEach(part -> check(part, value, at, violations));
        if (schema.has("const") && !schema.get("const").equals(value)) {
            violations.add(at + " is " + value + ", not " + schema.get("const"));
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asString())) {
            violations.add(at + " is not of type " + schema.get("type").asString() + ": " + value);
            return;
        }
        if (value.isString()) {
            checkString(schema, value.asString(), at, violations);
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            violations.add(at + " is below " + schema.get("minimum"));
        }
        if (value.isArray()) {
            if (value.size() < schema.path("minItems").asInt(0)) {
                violations.add(at + " has fewer than " + schema.get("minItems") + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                if (schema.has("items")) {
                    check(schema.get("items"), value.get(i), at + "[" + i + "]", violations);
                }
            }
        }
        schema.path("required").forEach(name -> {
            if (!value.has(name.asString())) {
                violations.add(at + "." + name.asString() + " is missing");
            }
        });
        schema.path("properties").properties().forEach(property -> {
            if (value.has(property.getKey())) {
                check(property.getValue(), value.get(property.getKey()), at + "." + property.getKey(), violations);
            }
        });
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("Type " + type + " is not checked here");
        };
    }

    private static void checkString(JsonNode schema, String text, String at, List<String> violations) {
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
            violations.add(at + " '" + text + "' does not match " + schema.get("pattern").asString());
        }
        try {
            switch (schema.path("format").asString("")) {
                case "uuid" -> UUID.fromString(text);
                case "date-time" -> OffsetDateTime.parse(text);
                default -> {
                }
            }
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            violations.add(at + " '" + text + "' is not a " + schema.get("format").asString());
        }
    }
}
