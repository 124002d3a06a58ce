package com.salescopilot.ai.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaInstanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode generate(String schema) {
        return SchemaInstance.generate(JSON.readTree(schema));
    }

    @Test
    void fillsEveryPropertyWithinBounds() {
        JsonNode value = generate("""
                {"type":"object","properties":{
                  "a":{"type":"integer","minimum":5,"maximum":9},
                  "b":{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":2},
                  "c":{"type":"number","maximum":-3},
                  "d":{"type":"string","minLength":30},
                  "e":{"type":"string","maxLength":3},
                  "f":{"type":"array","items":{"type":"integer"},"minItems":3},
                  "g":{"type":"array","items":{"type":"integer"},"maxItems":1},
                  "h":{"anyOf":[{"type":"null"},{"type":"string","enum":["x","y"]}]},
                  "i":{"allOf":[{"type":"object","properties":{"p":{"type":"boolean"}}},
                                {"type":"object","properties":{"q":{"const":7}}}]},
                  "j":{"type":"string","format":"date"}}}""");

        assertThat(value.path("a").asInt()).isBetween(5, 9);
        assertThat(value.path("b").asInt()).isEqualTo(1);
        assertThat(value.path("c").asDouble()).isLessThanOrEqualTo(-3);
        assertThat(value.path("d").asString()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(value.path("e").asString()).hasSizeLessThanOrEqualTo(3);
        assertThat(value.path("f").size()).isEqualTo(3);
        assertThat(value.path("g").size()).isEqualTo(1);
        assertThat(value.path("h").asString()).isEqualTo("x");
        assertThat(value.path("i").path("p").isBoolean()).isTrue();
        assertThat(value.path("i").path("q").asInt()).isEqualTo(7);
        assertThat(value.path("j").asString()).isEqualTo("2025-01-01");
    }

    @Test
    void stopsOnRecursiveReferences() {
        JsonNode value = generate("""
                {"$ref":"#/$defs/Node","$defs":{"Node":{"type":"object","properties":{
                  "name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/Node"}}}}}}""");

        assertThat(value.path("name").isString()).isTrue();
        assertThat(value.path("children").isArray()).isTrue();
    }
}
