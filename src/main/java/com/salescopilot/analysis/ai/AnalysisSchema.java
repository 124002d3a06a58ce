package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.BuyingStage;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.Playbook;
import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.TemperatureBand;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of {@link AnalysisResult} for the slow path's structured output (Ollama's
 * {@code format}). Built by hand as one JSON Schema document, so that, unlike LangChain4j's generated
 * schemas, every object lists all its properties as {@code required} and carries the ranges (0–100
 * scores, value ≥ 0) and list caps ({@code maxItems}); LangChain4j 1.11's typed integer and array
 * schemas cannot express those, so such leaves travel as {@link JsonRawSchema} inside typed objects.
 * <p>
 * {@link #document(Playbook)} is the schema as a JSON tree (for the prompt and for tests);
 * {@link #forPlaybook(Playbook)} the same as a LangChain4j {@link JsonSchema}. With a playbook, the
 * archetype is an enum of the playbook's archetype names.
 */
public final class AnalysisSchema {

    public static final String NAME = "sales_analysis";
    /** At most this many evidence quotes per trait. */
    public static final int MAX_EVIDENCE = 5;
    /** Cap for the lists the product spec leaves open (signals, levers, red flags, handlers …). */
    public static final int MAX_OTHER_ITEMS = 8;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AnalysisSchema() {
    }

    /** The schema with a free-text archetype (no playbook at hand). */
    public static JsonSchema schema() {
        return forPlaybook(null);
    }

    public static JsonSchema forPlaybook(Playbook playbook) {
        return JsonSchema.builder().name(NAME).rootElement(toElement(document(playbook))).build();
    }

    /** The schema as a compact JSON string, e.g. for the system prompt. */
    public static String json(Playbook playbook) {
        return MAPPER.writeValueAsString(document(playbook));
    }

    /**
     * The shape of the answer in a compact, readable pseudo-JSON for the system prompt (the exact
     * schema travels in Ollama's {@code format}): {@code <0-100>} for scores, {@code "<text>"} for
     * text, {@code "a"|"b"} for enums, {@code [ … ] (at most N)} for lists. About a fifth of the
     * schema's size.
     */
    public static String shape(Playbook playbook) {
        StringBuilder out = new StringBuilder();
        shape(document(playbook), out, "");
        return out.toString();
    }

    private static void shape(JsonNode node, StringBuilder out, String indent) {
        String type = node.path("type").asString("");
        switch (type) {
            case "object" -> {
                boolean flat = true;
                for (JsonNode property : node.path("properties").values()) {
                    String t = property.path("type").asString("");
                    flat &= !t.equals("object") && !(t.equals("array") && property.path("items").path("type").asString("").equals("object"));
                }
                String inner = flat ? "" : indent + "  ";
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
                    out.append(first ? "" : ",");
                    out.append(flat ? (first ? "" : " ") : "\n" + inner);
                    out.append('"').append(property.getKey()).append("\": ");
                    shape(property.getValue(), out, inner);
                    first = false;
                }
                out.append(flat ? "" : "\n" + indent).append('}');
            }
            case "array" -> {
                out.append('[');
                shape(node.path("items"), out, indent);
                out.append(", …]");
                if (node.has("maxItems")) {
                    out.append(" (at most ").append(node.path("maxItems").asInt()).append(')');
                }
            }
            case "integer" -> out.append(node.has("maximum")
                    ? "<" + node.path("minimum").asInt() + "-" + node.path("maximum").asInt() + ">" : "<whole number>");
            case "number" -> out.append(node.has("minimum") ? "<number >= " + node.path("minimum").asInt() + ">" : "<number>");
            case "boolean" -> out.append("<true|false>");
            default -> {
                if (node.has("enum")) {
                    List<String> values = new ArrayList<>();
                    node.path("enum").forEach(v -> values.add("\"" + v.asString() + "\""));
                    out.append(String.join("|", values));
                } else {
                    out.append("\"<text>\"");
                }
            }
        }
    }

    /** The schema as a JSON Schema document (a fresh tree each call). */
    public static ObjectNode document(Playbook playbook) {
        List<String> archetypes = playbook == null ? List.of() : playbook.archetypeNames();
        return object("Deep analysis of the whole sales session.",
                "big_five", bigFive(),
                "disc", disc(),
                "schwartz_values", schwartz(),
                "client_dna", clientDna(),
                "indicators", indicators(),
                "strategy", strategy(archetypes),
                "clarifying_questions", array(object("A question for the seller with two answers to pick from.",
                                "question", string("The question to the seller."),
                                "option_a", string("First possible answer, short."),
                                "option_b", string("Second possible answer, short."),
                                "settles", string("What the answer would settle in the profile.")),
                        AnalysisResult.MAX_CLARIFYING_QUESTIONS,
                        "Only questions whose answer would change the profile; empty when none would."),
                "overall_confidence", percent("How sure the whole analysis is; low when little is known."),
                "needs_more_information", bool("True when the session is too short for a reliable profile."));
    }

    private static ObjectNode bigFive() {
        List<Object> properties = new ArrayList<>();
        for (BigFiveTrait trait : BigFiveTrait.values()) {
            properties.add(trait.code());
            properties.add(object(null,
                    "score", percent("0 = very low, 100 = very high."),
                    "confidence", percent("How sure; low when there is little evidence."),
                    "rationale", string("Why this score, in one or two sentences."),
                    "evidence", array(string(null), MAX_EVIDENCE,
                            "Verbatim quotes from the session that support the score; empty if none."),
                    "strategy", string("What this means for selling to the client.")));
        }
        return object("Big Five personality traits.", properties.toArray());
    }

    private static ObjectNode disc() {
        List<Object> properties = new ArrayList<>();
        for (DiscStyle style : DiscStyle.values()) {
            properties.add(style.dimension());
            properties.add(object(null,
                    "score", percent(null),
                    "rationale", string(null),
                    "strategy", string("How to sell to this side of the client.")));
        }
        properties.add("primary_style");
        properties.add(enumOf(codes(DiscStyle.values(), DiscStyle::letter), "The strongest style."));
        return object("DISC behaviour styles (a behaviour-style model, not a trait test).", properties.toArray());
    }

    private static ObjectNode schwartz() {
        List<Object> properties = new ArrayList<>();
        for (SchwartzValue value : SchwartzValue.values()) {
            properties.add(value.code());
            properties.add(object(null,
                    "relevance", percent("How much this value drives the client."),
                    "rationale", string(null),
                    "strategy", string("How to appeal to this value.")));
        }
        properties.add("top_values");
        properties.add(array(enumOf(codes(SchwartzValue.values(), SchwartzValue::code), null),
                AnalysisResult.MAX_TOP_VALUES, "The most relevant values, most relevant first."));
        return object("Schwartz basic values, in circle order.", properties.toArray());
    }

    private static ObjectNode clientDna() {
        return object("The client in a nutshell.",
                "summary", string("Two or three sentences."),
                "main_drive", string("What moves this client most."),
                "communication_style", object(null,
                        "approach", string(null),
                        "tone", string(null),
                        "pace", string(null),
                        "information_density", string(null)),
                "key_levers", strings(MAX_OTHER_ITEMS, "What will move the client."),
                "red_flags", strings(MAX_OTHER_ITEMS, "What to avoid."),
                "missing_information", strings(MAX_OTHER_ITEMS, "What the seller should still find out."));
    }

    private static ObjectNode indicators() {
        return object("Sales indicators.",
                "purchase_temperature", object(null,
                        "score", percent("Readiness to buy."),
                        "band", enumOf(codes(TemperatureBand.values(), TemperatureBand::code),
                                "cold below 34, warm 34-66, hot 67 and above."),
                        "rationale", string(null),
                        "strategy", string(null),
                        "confidence", percent(null)),
                "journey_stage", object(null,
                        "stage", enumOf(codes(BuyingStage.values(), BuyingStage::code), null),
                        "progress", percent("Progress through the current stage, in percent."),
                        "rationale", string(null),
                        "strategy", string(null),
                        "confidence", percent(null)),
                "churn_risk", object(null,
                        "score", percent("Risk of losing the client."),
                        "level", enumOf(codes(RiskLevel.values(), RiskLevel::code),
                                "low below 34, medium 34-66, high 67 and above."),
                        "risk_factors", strings(MAX_OTHER_ITEMS, null),
                        "rationale", string(null),
                        "strategy", string(null),
                        "confidence", percent(null)),
                "sales_potential", object(null,
                        "value", number(0, "Likely deal value in the currency; 0 if unknown."),
                        "currency", string("ISO currency code."),
                        "probability", percent("Probability of closing, in percent."),
                        "timeframe", string("When the deal could close, in words."),
                        "rationale", string(null),
                        "strategy", string(null),
                        "confidence", percent(null)));
    }

    private static ObjectNode strategy(List<String> archetypes) {
        ObjectNode archetype = archetypes.isEmpty() ? string("The buyer archetype.")
                : enumOf(archetypes, "The buyer archetype, one of the playbook's.");
        List<String> runnerUps = new ArrayList<>(archetypes);
        runnerUps.add("");
        ObjectNode runnerUp = archetypes.isEmpty() ? string("The second most likely archetype, or empty.")
                : enumOf(runnerUps, "The second most likely archetype, or empty.");
        return object("How to sell to this client.",
                "archetype", archetype,
                "archetype_confidence", percent(null),
                "runner_up_archetype", runnerUp,
                "main_analysis", string("The situation and the way forward, in a short paragraph."),
                "strategic_notes", strings(AnalysisResult.MAX_STRATEGIC_NOTES, null),
                "suggested_actions", strings(AnalysisResult.MAX_SUGGESTED_ACTIONS, "Concrete actions for the seller."),
                "buy_signals", strings(MAX_OTHER_ITEMS, "What the client said or did that points to buying."),
                "risk_signals", strings(MAX_OTHER_ITEMS, "What points away from buying."),
                "objection_handlers", array(object(null,
                                "objection", string(null),
                                "response", string("What the seller can answer.")),
                        MAX_OTHER_ITEMS, "Objections raised or likely, with answers."),
                "next_best_action", string("The single most useful next step for the seller."),
                "follow_up_timing", string("When and how to follow up."));
    }

    // --- the small DSL: JSON Schema nodes ---

    /** An object whose properties (name, schema pairs) are all required. */
    private static ObjectNode object(String description, Object... properties) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        describe(node, description);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (int i = 0; i < properties.length; i += 2) {
            props.set((String) properties[i], (JsonNode) properties[i + 1]);
            required.add((String) properties[i]);
        }
        node.set("required", required);
        return node;
    }

    private static ObjectNode string(String description) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "string");
        return describe(node, description);
    }

    private static ObjectNode bool(String description) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "boolean");
        return describe(node, description);
    }

    private static ObjectNode percent(String description) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "integer");
        node.put("minimum", 0);
        node.put("maximum", 100);
        return describe(node, description);
    }

    private static ObjectNode number(int minimum, String description) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "number");
        node.put("minimum", minimum);
        return describe(node, description);
    }

    private static ObjectNode enumOf(List<String> values, String description) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "string");
        describe(node, description);
        ArrayNode array = node.putArray("enum");
        values.forEach(array::add);
        return node;
    }

    private static ObjectNode strings(int maxItems, String description) {
        return array(string(null), maxItems, description);
    }

    private static ObjectNode array(ObjectNode items, int maxItems, String description) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "array");
        describe(node, description);
        node.set("items", items);
        node.put("maxItems", maxItems);
        return node;
    }

    private static ObjectNode describe(ObjectNode node, String description) {
        if (description != null) {
            node.put("description", description);
        }
        return node;
    }

    private static <E> List<String> codes(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).toList();
    }

    // --- the document as LangChain4j elements ---

    private static final Set<String> PLAIN_KEYS = Set.of("type", "description");

    /**
     * Objects become {@link JsonObjectSchema} (with their required list), plain strings, enums,
     * booleans and unbounded arrays their typed element; anything with a constraint LangChain4j
     * cannot express (minimum, maximum, maxItems) a {@link JsonRawSchema} carrying it verbatim.
     */
    static JsonSchemaElement toElement(JsonNode node) {
        String type = node.path("type").asString("");
        String description = node.hasNonNull("description") ? node.get("description").asString() : null;
        Set<String> keys = Set.copyOf(node.propertyNames());
        switch (type) {
            case "object": {
                JsonObjectSchema.Builder builder = JsonObjectSchema.builder().description(description);
                for (Map.Entry<String, JsonNode> property : node.get("properties").properties()) {
                    builder.addProperty(property.getKey(), toElement(property.getValue()));
                }
                List<String> required = new ArrayList<>();
                node.path("required").forEach(r -> required.add(r.asString()));
                return builder.required(required).build();
            }
            case "string":
                if (keys.contains("enum")) {
                    List<String> values = new ArrayList<>();
                    node.get("enum").forEach(v -> values.add(v.asString()));
                    return JsonEnumSchema.builder().description(description).enumValues(values).build();
                }
                if (PLAIN_KEYS.containsAll(keys)) {
                    return JsonStringSchema.builder().description(description).build();
                }
                break;
            case "boolean":
                if (PLAIN_KEYS.containsAll(keys)) {
                    return JsonBooleanSchema.builder().description(description).build();
                }
                break;
            case "array":
                if (Set.of("type", "description", "items").containsAll(keys)) {
                    return JsonArraySchema.builder().description(description).items(toElement(node.get("items"))).build();
                }
                break;
            default:
                break;
        }
        return JsonRawSchema.from(MAPPER.writeValueAsString(node));
    }
}
