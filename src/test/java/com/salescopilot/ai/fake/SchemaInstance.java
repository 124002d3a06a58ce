package com.salescopilot.ai.fake;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a valid instance of a JSON schema (the subset that LangChain4j and hand-written schemas
 * use): objects with every property, strings (enum: the first value; const; date/date-time formats;
 * min/max length), integers and numbers inside minimum/maximum (exclusive bounds too), booleans, arrays
 * with 1–2 items inside minItems/maxItems, {@code $ref} into {@code $defs}/{@code definitions},
 * {@code anyOf}/{@code oneOf} (first non-null option), {@code allOf} (merged), type lists such as
 * {@code ["string","null"]}.
 */
public final class SchemaInstance {

    /** Chooses the values; the defaults are plain and deterministic. */
    public interface Values {
        /** A string for the property {@code name} at {@code path} (e.g. {@code $.strategy.next_best_action}). */
        default String text(String path, String name) {
            return (name == null || name.isEmpty() ? "value" : name) + " (fake)";
        }

        /** A whole number in [min, max]. */
        default long integer(String path, String name, long min, long max) {
            return min + (max - min) / 2;
        }

        /** A number in [min, max]. */
        default double number(String path, String name, double min, double max) {
            return min + (max - min) / 2;
        }

        default boolean bool(String path, String name) {
            return true;
        }

        /** How many items an array gets, given the schema's bounds (default 2, within them). */
        default int items(String path, String name, int minItems, int maxItems) {
            return Math.max(minItems, Math.min(2, maxItems));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 16;

    private final JsonNode root;
    private final Values values;

    private SchemaInstance(JsonNode root, Values values) {
        this.root = root;
        this.values = values;
    }

    public static JsonNode generate(JsonNode schema) {
        return generate(schema, new Values() { });
    }

    public static JsonNode generate(JsonNode schema, Values values) {
        return new SchemaInstance(schema, values).gen(schema, "$", "", 0);
    }

    private JsonNode gen(JsonNode schema, String path, String name, int depth) {
        if (schema == null || !schema.isObject()) {
            return NODES.stringNode(values.text(path, name));
        }
        if (schema.has("$ref")) {
            JsonNode target = resolve(schema.path("$ref").asString(""));
            return depth > MAX_DEPTH || target == null ? NODES.objectNode() : gen(target, path, name, depth + 1);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String combiner : new String[] {"anyOf", "oneOf"}) {
            if (schema.path(combiner).isArray()) {
                for (JsonNode option : schema.path(combiner)) {
                    if (!"null".equals(option.path("type").asString(""))) {
                        return gen(option, path, name, depth + 1);
                    }
                }
                return NODES.nullNode();
            }
        }
        if (schema.path("allOf").isArray()) {
            ObjectNode merged = NODES.objectNode();
            JsonNode last = NODES.nullNode();
            for (JsonNode part : schema.path("allOf")) {
                last = gen(part, path, name, depth + 1);
                if (last instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged.isEmpty() ? last : merged;
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema, path, depth);
            case "array" -> array(schema, path, name, depth);
            case "integer" -> integer(schema, path, name);
            case "number" -> number(schema, path, name);
            case "boolean" -> NODES.booleanNode(values.bool(path, name));
            case "null" -> NODES.nullNode();
            default -> string(schema, path, name);
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return type.asString();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString(""))) {
                    return t.asString("");
                }
            }
            return "null";
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    private JsonNode object(JsonNode schema, String path, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > MAX_DEPTH) {
            return object;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), gen(property.getValue(), path + "." + property.getKey(), property.getKey(),
                    depth + 1));
        }
        return object;
    }

    private JsonNode array(JsonNode schema, String path, String name, int depth) {
        ArrayNode array = NODES.arrayNode();
        if (depth > MAX_DEPTH) {
            return array;
        }
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.path("maxItems").asInt() : Integer.MAX_VALUE;
        int count = Math.max(min, Math.min(values.items(path, name, Math.max(min, 1), max), max));
        JsonNode items = schema.path("items");
        for (int i = 0; i < count; i++) {
            array.add(gen(items.isObject() ? items : null, path + "[" + i + "]", name, depth + 1));
        }
        return array;
    }

    private JsonNode integer(JsonNode schema, String path, String name) {
        double[] range = range(schema, 1);
        long min = (long) Math.ceil(range[0]);
        long max = (long) Math.floor(range[1]);
        if (max < min) {
            max = min;
        }
        return NODES.numberNode(values.integer(path, name, min, max));
    }

    private JsonNode number(JsonNode schema, String path, String name) {
        double[] range = range(schema, 1e-6);
        return NODES.numberNode(values.number(path, name, range[0], Math.max(range[0], range[1])));
    }

    /** [min, max] from minimum/maximum/exclusive bounds; 0..100 when unbounded. */
    private static double[] range(JsonNode schema, double step) {
        Double min = schema.has("minimum") ? schema.path("minimum").asDouble() : null;
        Double max = schema.has("maximum") ? schema.path("maximum").asDouble() : null;
        if (schema.path("exclusiveMinimum").isNumber()) {
            min = schema.path("exclusiveMinimum").asDouble() + step;
        }
        if (schema.path("exclusiveMaximum").isNumber()) {
            max = schema.path("exclusiveMaximum").asDouble() - step;
        }
        if (min == null && max == null) {
            return new double[] {0, 100};
        }
        if (min == null) {
            min = Math.min(0, max);
        }
        if (max == null) {
            max = min + 100;
        }
        return new double[] {min, max};
    }

    private JsonNode string(JsonNode schema, String path, String name) {
        String format = schema.path("format").asString("");
        String text = switch (format) {
            case "date-time" -> "2025-01-01T12:00:00Z";
            case "date" -> "2025-01-01";
            case "time" -> "12:00:00";
            case "email" -> "someone@example.com";
            case "uri", "url" -> "https://example.com/";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            default -> values.text(path, name);
        };
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.has("maxLength") ? schema.path("maxLength").asInt() : Integer.MAX_VALUE;
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() < minLength) {
            sb.append('x');
        }
        if (sb.length() > maxLength) {
            sb.setLength(maxLength);
        }
        return NODES.stringNode(sb.toString());
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode node = root;
        String pointer = ref.substring(1);
        if (pointer.isEmpty()) {
            return root;
        }
        Iterator<String> parts = java.util.Arrays.stream(pointer.substring(1).split("/")).iterator();
        while (parts.hasNext() && node != null) {
            String part = parts.next().replace("~1", "/").replace("~0", "~");
            node = node.get(part);
        }
        return node;
    }
}
