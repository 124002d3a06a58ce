package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Shared test data: a complete, valid model answer and the app's JSON conventions. */
public final class AnalysisFixtures {

    /** The app's JSON mapper settings (spring.jackson.property-naming-strategy: SNAKE_CASE). */
    public static final JsonMapper SNAKE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private AnalysisFixtures() {
    }

    /** A complete answer as the model would give it (see src/test/resources/analysis/full-analysis.json). */
    public static String fullJson() {
        try (InputStream in = AnalysisFixtures.class.getResourceAsStream("/analysis/full-analysis.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode fullTree() {
        return (ObjectNode) SNAKE.readTree(fullJson());
    }

    /** The full answer with a change applied to its tree. */
    public static String fullJsonWith(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode tree = fullTree();
        change.accept(tree);
        return SNAKE.writeValueAsString(tree);
    }

    public static AnalysisResult fullResult() {
        ParseOutcome outcome = new AnalysisParser().parse(fullJson());
        if (!outcome.ok()) {
            throw new IllegalStateException("fixture does not parse: " + outcome.errors());
        }
        return outcome.result();
    }
}
