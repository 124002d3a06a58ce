package com.salescopilot.analysis.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.Playbook;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AnalysisSchemaTest {

    private final ObjectNode document = AnalysisSchema.document(Playbook.defaults());

    @Test
    void everyRecordComponentIsAPropertyAndEveryPropertyIsRequired() {
        List<String> problems = new ArrayList<>();
        compare(AnalysisResult.class, document, "", problems);
        assertThat(problems).isEmpty();
    }

    /** Walks the records and the schema side by side: same property names, all required, leaves typed. */
    private void compare(Class<?> record, JsonNode schema, String path, List<String> problems) {
        if (!"object".equals(schema.path("type").asString(""))) {
            problems.add(path + ": not an object schema");
            return;
        }
        Set<String> expected = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = snake(component.getName());
            expected.add(name);
            JsonNode property = schema.path("properties").path(name);
            String here = path.isEmpty() ? name : path + "." + name;
            if (property.isMissingNode()) {
                problems.add(here + ": missing from the schema");
                continue;
            }
            Class<?> type = component.getType();
            if (type.isRecord()) {
                compare(type, property, here, problems);
            } else if (List.class.isAssignableFrom(type)) {
                if (!"array".equals(property.path("type").asString(""))) {
                    problems.add(here + ": should be an array");
                    continue;
                }
                Class<?> item = itemType(component.getGenericType());
                if (item.isRecord()) {
                    compare(item, property.path("items"), here + "[]", problems);
                }
            } else if (type == int.class) {
                if (!"integer".equals(property.path("type").asString(""))) {
                    problems.add(here + ": should be an integer");
                }
            } else if (type == boolean.class) {
                if (!"boolean".equals(property.path("type").asString(""))) {
                    problems.add(here + ": should be a boolean");
                }
            } else if (type == BigDecimal.class) {
                if (!"number".equals(property.path("type").asString(""))) {
                    problems.add(here + ": should be a number");
                }
            } else if (!"string".equals(property.path("type").asString(""))) {
                problems.add(here + ": should be a string (or enum)");
            }
        }
        Set<String> properties = new LinkedHashSet<>(schema.path("properties").propertyNames());
        if (!properties.equals(expected)) {
            problems.add(path + ": schema properties " + properties + " differ from the record's " + expected);
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        if (!new LinkedHashSet<>(required).equals(expected)) {
            problems.add(path + ": required " + required + " should be " + expected);
        }
    }

    private static Class<?> itemType(Type type) {
        return (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    @Test
    void everyScoreIsAnIntegerFrom0To100() {
        List<String> percentFields = List.of("score", "confidence", "relevance", "progress", "probability",
                "archetype_confidence", "overall_confidence");
        List<JsonNode> found = new ArrayList<>();
        collect(document, percentFields, found);
        // traits (score + confidence), styles, values, indicators (value + confidence), archetype, overall
        assertThat(found).hasSize(5 * 2 + 4 + 10 + 4 * 2 + 1 + 1);
        assertThat(found).allSatisfy(node -> {
            assertThat(node.path("type").asString()).isEqualTo("integer");
            assertThat(node.path("minimum").asInt()).isZero();
            assertThat(node.path("maximum").asInt()).isEqualTo(100);
        });
        JsonNode value = document.at("/properties/indicators/properties/sales_potential/properties/value");
        assertThat(value.path("type").asString()).isEqualTo("number");
        assertThat(value.path("minimum").asInt()).isZero();
    }

    private static void collect(JsonNode node, List<String> names, List<JsonNode> found) {
        JsonNode properties = node.path("properties");
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            if (names.contains(entry.getKey())) {
                found.add(entry.getValue());
            }
            collect(entry.getValue(), names, found);
        }
        if (node.has("items")) {
            collect(node.get("items"), names, found);
        }
    }

    @Test
    void listsCarryTheirCapsAndEnumsTheirValues() {
        assertThat(document.at("/properties/strategy/properties/strategic_notes/maxItems").asInt()).isEqualTo(5);
        assertThat(document.at("/properties/strategy/properties/suggested_actions/maxItems").asInt()).isEqualTo(6);
        assertThat(document.at("/properties/clarifying_questions/maxItems").asInt()).isEqualTo(2);
        assertThat(document.at("/properties/schwartz_values/properties/top_values/maxItems").asInt()).isEqualTo(3);
        assertThat(strings(document.at("/properties/schwartz_values/properties/top_values/items/enum")))
                .containsExactly("self_direction", "stimulation", "hedonism", "achievement", "power", "security",
                        "conformity", "tradition", "benevolence", "universalism");
        assertThat(strings(document.at("/properties/indicators/properties/journey_stage/properties/stage/enum")))
                .containsExactly("awareness", "consideration", "evaluation", "decision", "purchase");
        assertThat(strings(document.at("/properties/indicators/properties/purchase_temperature/properties/band/enum")))
                .containsExactly("cold", "warm", "hot");
        assertThat(strings(document.at("/properties/indicators/properties/churn_risk/properties/level/enum")))
                .containsExactly("low", "medium", "high");
        assertThat(strings(document.at("/properties/disc/properties/primary_style/enum"))).containsExactly("D", "I", "S", "C");
        assertThat(strings(document.at("/properties/strategy/properties/archetype/enum")))
                .containsExactlyElementsOf(Playbook.defaults().archetypeNames());
        assertThat(strings(document.at("/properties/strategy/properties/runner_up_archetype/enum")))
                .contains("").hasSize(Playbook.defaults().archetypes().size() + 1);
    }

    @Test
    void withoutAPlaybookTheArchetypeIsFreeText() {
        JsonNode archetype = AnalysisSchema.document(null).at("/properties/strategy/properties/archetype");
        assertThat(archetype.path("type").asString()).isEqualTo("string");
        assertThat(archetype.has("enum")).isFalse();
    }

    @Test
    void theLangChain4jSchemaSendsExactlyTheDocument() {
        JsonSchema schema = AnalysisSchema.forPlaybook(Playbook.defaults());
        assertThat(schema.name()).isEqualTo(AnalysisSchema.NAME);
        JsonObjectSchema root = (JsonObjectSchema) schema.rootElement();
        assertThat(root.required()).containsExactly("big_five", "disc", "schwartz_values", "client_dna",
                "indicators", "strategy", "clarifying_questions", "overall_confidence", "needs_more_information");
        // the bounded leaves travel raw, because LangChain4j 1.11's typed schemas have no minimum/maximum/maxItems
        assertThat(root.properties().get("overall_confidence")).isInstanceOf(JsonRawSchema.class);
        // what LangChain4j's Ollama module puts into "format" (InternalOllamaHelper.toOllamaResponseFormat)
        Map<String, Object> wire = JsonSchemaElementUtils.toMap(schema.rootElement());
        Object expected = AnalysisFixtures.SNAKE.convertValue(document, Map.class);
        Object actual = AnalysisFixtures.SNAKE.convertValue(AnalysisFixtures.SNAKE.valueToTree(wire), Map.class);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theShapeForThePromptNamesEveryPropertyAndIsMuchSmaller() {
        String shape = AnalysisSchema.shape(Playbook.defaults());
        List<String> names = new ArrayList<>();
        propertyNames(document, names);
        assertThat(names).allSatisfy(name -> assertThat(shape).contains("\"" + name + "\": "));
        assertThat(shape).contains("\"score\": <0-100>", "\"band\": \"cold\"|\"warm\"|\"hot\"",
                "\"strategic_notes\": [\"<text>\", …] (at most 5)", "\"archetype\": \"Analyst\"|");
        assertThat(shape.length()).isLessThan(AnalysisSchema.json(Playbook.defaults()).length() / 3);
    }

    private static void propertyNames(JsonNode node, List<String> names) {
        for (Map.Entry<String, JsonNode> entry : node.path("properties").properties()) {
            names.add(entry.getKey());
            propertyNames(entry.getValue(), names);
        }
        if (node.has("items")) {
            propertyNames(node.get("items"), names);
        }
    }

    @Test
    void theFixtureAnswerUsesExactlyTheSchemaKeys() {
        List<String> problems = new ArrayList<>();
        keys(AnalysisFixtures.fullTree(), document, "", problems);
        assertThat(problems).isEmpty();
    }

    /** Every key of the instance is a schema property and every required property is in the instance. */
    static void keys(JsonNode instance, JsonNode schema, String path, List<String> problems) {
        if (instance.isObject()) {
            Set<String> allowed = new LinkedHashSet<>(schema.path("properties").propertyNames());
            Set<String> present = new LinkedHashSet<>(instance.propertyNames());
            if (!present.equals(allowed)) {
                problems.add(path + ": keys " + present + " but the schema has " + allowed);
            }
            for (String key : present) {
                keys(instance.get(key), schema.path("properties").path(key), path + "." + key, problems);
            }
        } else if (instance.isArray()) {
            for (JsonNode item : instance) {
                keys(item, schema.path("items"), path + "[]", problems);
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
