package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.BigFive;
import com.salescopilot.analysis.BuyingStage;
import com.salescopilot.analysis.ChurnRisk;
import com.salescopilot.analysis.ClarifyingQuestion;
import com.salescopilot.analysis.ClientDna;
import com.salescopilot.analysis.CommunicationStyle;
import com.salescopilot.analysis.Disc;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.Indicators;
import com.salescopilot.analysis.JourneyStage;
import com.salescopilot.analysis.ObjectionHandler;
import com.salescopilot.analysis.PurchaseTemperature;
import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.SalesPotential;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.SchwartzValues;
import com.salescopilot.analysis.Strategy;
import com.salescopilot.analysis.StyleScore;
import com.salescopilot.analysis.TemperatureBand;
import com.salescopilot.analysis.TraitScore;
import com.salescopilot.analysis.ValueScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model's text into an {@link AnalysisResult}. Tolerant of the wrapping: Markdown fences,
 * prose before and after, a single wrapper object ({@code {"analysis": {…}}}), key spelling
 * ({@code bigFive}, {@code Big Five}), numbers sent as strings ({@code "72"}, {@code "72%"}), trailing
 * commas and comments. Strict about the shape: a value of the wrong kind ({@code "score": "high"}, an
 * object where text belongs) is an error with its path.
 * <p>
 * Missing scores are errors; other missing scalars are defaulted with a warning (text "", lists
 * empty, confidence 0, needs_more_information true); missing objects are left null for
 * {@link AnalysisValidator} to report. Never throws on bad input. Stateless and thread-safe.
 */
public final class AnalysisParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final List<String> TOP_LEVEL = List.of("big_five", "disc", "schwartz_values", "client_dna",
            "indicators", "strategy", "clarifying_questions", "overall_confidence", "needs_more_information");
    private static final int MAX_CANDIDATES = 50;

    public ParseOutcome parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ParseOutcome.failed("the answer is empty: expected one JSON object");
        }
        JsonNode root;
        try {
            root = findAnalysisObject(raw);
        } catch (NotFound e) {
            return ParseOutcome.failed(e.getMessage());
        }
        Reader reader = new Reader();
        JsonNode unwrapped = reader.unwrap(root);
        AnalysisResult result = reader.analysis(unwrapped);
        return new ParseOutcome(result, reader.errors, reader.warnings);
    }

    // --- finding the JSON object in the text ---

    private static final class NotFound extends Exception {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** The first top-level balanced {…} that parses as a JSON object with analysis keys (or wraps one). */
    private static JsonNode findAnalysisObject(String raw) throws NotFound {
        String firstError = null;
        JsonNode fallback = null;
        boolean unclosed = false;
        int tried = 0;
        int end = -1;
        // candidates are the top-level balanced {…} of the text: objects nested in one that failed are never taken
        for (int start = raw.indexOf('{'); start >= 0 && tried < MAX_CANDIDATES; start = raw.indexOf('{', end + 1)) {
            end = matchingBrace(raw, start);
            if (end < 0) {
                unclosed = true;
                if (firstError == null) {
                    firstError = "the JSON object is not closed: the answer seems cut off";
                }
                break; // every later '{' lies inside this unclosed object
            }
            tried++;
            try {
                JsonNode node = MAPPER.readTree(raw.substring(start, end + 1));
                if (node != null && node.isObject()) {
                    if (looksLikeAnalysis(node) || looksLikeAnalysis(singleChild(node))) {
                        return node;
                    }
                    if (fallback == null) {
                        fallback = node;
                    }
                }
            } catch (JacksonException e) {
                if (firstError == null) {
                    firstError = "the JSON is malformed: " + shortMessage(e);
                }
            }
        }
        if (fallback != null && firstError == null) {
            throw new NotFound("the JSON object has none of the expected parts (" + String.join(", ", TOP_LEVEL) + ")");
        }
        if (firstError != null) {
            throw new NotFound(firstError);
        }
        throw new NotFound(unclosed ? "the JSON object is not closed" : "no JSON object found in the answer");
    }

    /** Index of the '}' closing the '{' at {@code start}, skipping strings; -1 if never closed. */
    static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean looksLikeAnalysis(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        for (String key : node.propertyNames()) {
            if (TOP_LEVEL.contains(snake(key))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode singleChild(JsonNode node) {
        return node.size() == 1 ? node.values().iterator().next() : null;
    }

    private static String shortMessage(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.lines().findFirst().orElse(message);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " of the object)";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** "bigFive", "Big Five", "big-five" → "big_five". */
    static String snake(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                out.append('_');
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(0, end);
    }

    // --- reading the tree ---

    private static final class Reader {

        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        JsonNode unwrap(JsonNode root) {
            if (!looksLikeAnalysis(root) && looksLikeAnalysis(singleChild(root))) {
                warnings.add("(root): the analysis was wrapped in \"" + root.propertyNames().iterator().next()
                        + "\"; unwrapped");
                return singleChild(root);
            }
            return root;
        }

        AnalysisResult analysis(JsonNode root) {
            return new AnalysisResult(
                    object(root, "", "big_five", this::bigFive),
                    object(root, "", "disc", this::disc),
                    object(root, "", "schwartz_values", this::schwartz, "schwartz"),
                    object(root, "", "client_dna", this::clientDna),
                    object(root, "", "indicators", this::indicators),
                    object(root, "", "strategy", this::strategy),
                    objects(root, "", "clarifying_questions", this::clarifyingQuestion),
                    percent(root, "", "overall_confidence", false),
                    bool(root, "", "needs_more_information", true));
        }

        BigFive bigFive(JsonNode node, String path) {
            return new BigFive(
                    object(node, path, "openness", this::trait),
                    object(node, path, "conscientiousness", this::trait),
                    object(node, path, "extraversion", this::trait),
                    object(node, path, "agreeableness", this::trait),
                    object(node, path, "neuroticism", this::trait));
        }

        TraitScore trait(JsonNode node, String path) {
            return new TraitScore(
                    percent(node, path, "score", true),
                    percent(node, path, "confidence", false),
                    text(node, path, "rationale"),
                    texts(node, path, "evidence"),
                    text(node, path, "strategy"));
        }

        Disc disc(JsonNode node, String path) {
            return new Disc(
                    object(node, path, "dominance", this::style),
                    object(node, path, "influence", this::style),
                    object(node, path, "steadiness", this::style),
                    object(node, path, "conscientiousness", this::style, "compliance"),
                    enumValue(node, path, "primary_style", DiscStyle::fromCode, DiscStyle.values(), false));
        }

        StyleScore style(JsonNode node, String path) {
            return new StyleScore(
                    percent(node, path, "score", true),
                    text(node, path, "rationale"),
                    text(node, path, "strategy"));
        }

        SchwartzValues schwartz(JsonNode node, String path) {
            ValueScore[] scores = new ValueScore[SchwartzValue.values().length];
            for (SchwartzValue value : SchwartzValue.values()) {
                scores[value.ordinal()] = object(node, path, value.code(), this::value);
            }
            List<SchwartzValue> top = new ArrayList<>();
            JsonNode topNode = child(node, "top_values");
            String topPath = join(path, "top_values");
            if (topNode == null) {
                warnings.add(topPath + ": missing; derived from the relevance scores");
            } else if (!topNode.isArray()) {
                errors.add(topPath + ": expected a list of value names, got " + kind(topNode));
            } else {
                for (int i = 0; i < topNode.size(); i++) {
                    JsonNode item = topNode.get(i);
                    SchwartzValue value = item.isString() ? SchwartzValue.fromCode(item.asString()) : null;
                    if (value == null) {
                        warnings.add(topPath + "[" + i + "]: " + describe(item) + " is not one of the ten values; dropped");
                    } else {
                        top.add(value);
                    }
                }
            }
            return new SchwartzValues(scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], scores[6],
                    scores[7], scores[8], scores[9], top);
        }

        ValueScore value(JsonNode node, String path) {
            return new ValueScore(
                    percent(node, path, "relevance", true, "score"),
                    text(node, path, "rationale"),
                    text(node, path, "strategy"));
        }

        ClientDna clientDna(JsonNode node, String path) {
            return new ClientDna(
                    text(node, path, "summary"),
                    text(node, path, "main_drive"),
                    object(node, path, "communication_style", this::communicationStyle),
                    texts(node, path, "key_levers"),
                    texts(node, path, "red_flags"),
                    texts(node, path, "missing_information"));
        }

        CommunicationStyle communicationStyle(JsonNode node, String path) {
            return new CommunicationStyle(
                    text(node, path, "approach"),
                    text(node, path, "tone"),
                    text(node, path, "pace"),
                    text(node, path, "information_density"));
        }

        Indicators indicators(JsonNode node, String path) {
            return new Indicators(
                    object(node, path, "purchase_temperature", this::temperature),
                    object(node, path, "journey_stage", this::journey),
                    object(node, path, "churn_risk", this::churn),
                    object(node, path, "sales_potential", this::potential));
        }

        PurchaseTemperature temperature(JsonNode node, String path) {
            return new PurchaseTemperature(
                    percent(node, path, "score", true),
                    enumValue(node, path, "band", TemperatureBand::fromCode, TemperatureBand.values(), false),
                    text(node, path, "rationale"),
                    text(node, path, "strategy"),
                    percent(node, path, "confidence", false));
        }

        JourneyStage journey(JsonNode node, String path) {
            return new JourneyStage(
                    enumValue(node, path, "stage", BuyingStage::fromCode, BuyingStage.values(), true),
                    percent(node, path, "progress", true),
                    text(node, path, "rationale"),
                    text(node, path, "strategy"),
                    percent(node, path, "confidence", false));
        }

        ChurnRisk churn(JsonNode node, String path) {
            return new ChurnRisk(
                    percent(node, path, "score", true),
                    enumValue(node, path, "level", RiskLevel::fromCode, RiskLevel.values(), false),
                    texts(node, path, "risk_factors"),
                    text(node, path, "rationale"),
                    text(node, path, "strategy"),
                    percent(node, path, "confidence", false));
        }

        SalesPotential potential(JsonNode node, String path) {
            return new SalesPotential(
                    decimal(node, path, "value"),
                    text(node, path, "currency"),
                    percent(node, path, "probability", true),
                    text(node, path, "timeframe"),
                    text(node, path, "rationale"),
                    text(node, path, "strategy"),
                    percent(node, path, "confidence", false));
        }

        Strategy strategy(JsonNode node, String path) {
            return new Strategy(
                    text(node, path, "archetype"),
                    percent(node, path, "archetype_confidence", false),
                    text(node, path, "runner_up_archetype"),
                    text(node, path, "main_analysis"),
                    texts(node, path, "strategic_notes"),
                    texts(node, path, "suggested_actions"),
                    texts(node, path, "buy_signals"),
                    texts(node, path, "risk_signals"),
                    objects(node, path, "objection_handlers", this::objectionHandler),
                    text(node, path, "next_best_action"),
                    text(node, path, "follow_up_timing"));
        }

        ObjectionHandler objectionHandler(JsonNode node, String path) {
            return new ObjectionHandler(text(node, path, "objection"), text(node, path, "response"));
        }

        ClarifyingQuestion clarifyingQuestion(JsonNode node, String path) {
            return new ClarifyingQuestion(
                    text(node, path, "question"),
                    text(node, path, "option_a"),
                    text(node, path, "option_b"),
                    text(node, path, "settles"));
        }

        // --- field readers ---

        /** The property whose snake_case spelling is {@code name} (or an alias); null when absent or JSON null. */
        JsonNode child(JsonNode node, String name, String... aliases) {
            JsonNode found = null;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = snake(entry.getKey());
                if (key.equals(name) || Arrays.asList(aliases).contains(key)) {
                    found = entry.getValue();
                    if (key.equals(name)) {
                        break;
                    }
                }
            }
            return found == null || found.isNull() || found.isMissingNode() ? null : found;
        }

        <T> T object(JsonNode node, String path, String name, BiFunction<JsonNode, String, T> read, String... aliases) {
            JsonNode value = child(node, name, aliases);
            String here = join(path, name);
            if (value == null) {
                return null; // the validator reports missing parts
            }
            if (!value.isObject()) {
                errors.add(here + ": expected an object, got " + kind(value));
                return null;
            }
            return read.apply(value, here);
        }

        <T> List<T> objects(JsonNode node, String path, String name, BiFunction<JsonNode, String, T> read) {
            JsonNode value = child(node, name);
            String here = join(path, name);
            if (value == null) {
                warnings.add(here + ": missing; empty list assumed");
                return List.of();
            }
            if (value.isObject()) {
                warnings.add(here + ": a single object instead of a list; taken as a list of one");
                return List.of(read.apply(value, here + "[0]"));
            }
            if (!value.isArray()) {
                errors.add(here + ": expected a list of objects, got " + kind(value));
                return List.of();
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isObject()) {
                    items.add(read.apply(item, here + "[" + i + "]"));
                } else if (!item.isNull()) {
                    errors.add(here + "[" + i + "]: expected an object, got " + kind(item));
                }
            }
            return items;
        }

        int percent(JsonNode node, String path, String name, boolean required, String... aliases) {
            JsonNode value = child(node, name, aliases);
            String here = join(path, name);
            if (value == null) {
                if (required) {
                    errors.add(here + ": missing; expected a whole number 0-100");
                } else {
                    warnings.add(here + ": missing; 0 assumed");
                }
                return 0;
            }
            Double number = number(value);
            if (number == null) {
                errors.add(here + ": expected a whole number 0-100, got " + describe(value));
                return 0;
            }
            // out-of-range values pass through for the validator to clamp and report
            return (int) Math.max(-1_000_000, Math.min(1_000_000, Math.round(number)));
        }

        BigDecimal decimal(JsonNode node, String path, String name) {
            JsonNode value = child(node, name);
            String here = join(path, name);
            if (value == null) {
                errors.add(here + ": missing; expected a number (0 if unknown)");
                return BigDecimal.ZERO;
            }
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                String cleaned = value.asString().replaceAll("[\\s\\u00a0_]", "");
                try {
                    return new BigDecimal(cleaned);
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            errors.add(here + ": expected a number, got " + describe(value));
            return BigDecimal.ZERO;
        }

        String text(JsonNode node, String path, String name) {
            JsonNode value = child(node, name);
            String here = join(path, name);
            if (value == null) {
                warnings.add(here + ": missing; empty text assumed");
                return "";
            }
            if (value.isString()) {
                return value.asString();
            }
            if (value.isNumber() || value.isBoolean()) {
                return value.asString();
            }
            errors.add(here + ": expected text, got " + kind(value));
            return "";
        }

        List<String> texts(JsonNode node, String path, String name) {
            JsonNode value = child(node, name);
            String here = join(path, name);
            if (value == null) {
                warnings.add(here + ": missing; empty list assumed");
                return List.of();
            }
            if (value.isString()) {
                warnings.add(here + ": a single text instead of a list; taken as a list of one");
                return List.of(value.asString());
            }
            if (!value.isArray()) {
                errors.add(here + ": expected a list of texts, got " + kind(value));
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isString() || item.isNumber() || item.isBoolean()) {
                    items.add(item.asString());
                } else if (!item.isNull()) {
                    errors.add(here + "[" + i + "]: expected text, got " + kind(item));
                }
            }
            return items;
        }

        boolean bool(JsonNode node, String path, String name, boolean fallback) {
            JsonNode value = child(node, name);
            String here = join(path, name);
            if (value == null) {
                warnings.add(here + ": missing; " + fallback + " assumed");
                return fallback;
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            if (value.isString()) {
                switch (value.asString().strip().toLowerCase(Locale.ROOT)) {
                    case "true", "yes":
                        return true;
                    case "false", "no":
                        return false;
                    default:
                        break;
                }
            }
            errors.add(here + ": expected true or false, got " + describe(value));
            return fallback;
        }

        /**
         * An enum by its code; unknown or missing is an error when {@code required}, otherwise a
         * warning and null (the validator derives it).
         */
        <E extends Enum<E>> E enumValue(JsonNode node, String path, String name, Function<String, E> lookup,
                                        E[] allowed, boolean required) {
            JsonNode value = child(node, name);
            String here = join(path, name);
            String expected = "one of " + String.join(", ", Arrays.stream(allowed).map(AnalysisParser::code).toList());
            if (value == null) {
                if (required) {
                    errors.add(here + ": missing; expected " + expected);
                }
                return null; // not required: the validator derives it and says so
            }
            E found = value.isString() ? lookup.apply(value.asString()) : null;
            if (found == null) {
                String message = here + ": " + describe(value) + " is not " + expected;
                if (required) {
                    errors.add(message);
                } else {
                    warnings.add(message + "; ignored");
                }
            }
            return found;
        }

        private static Double number(JsonNode value) {
            if (value.isNumber()) {
                double d = value.asDouble();
                return Double.isFinite(d) ? d : null;
            }
            if (value.isString()) {
                String s = value.asString().strip();
                if (s.endsWith("%")) {
                    s = s.substring(0, s.length() - 1).strip();
                }
                try {
                    double d = Double.parseDouble(s.replace(',', '.'));
                    return Double.isFinite(d) ? d : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    private static String code(Enum<?> constant) {
        if (constant instanceof DiscStyle style) {
            return style.letter();
        }
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return describe(node);
    }

    private static String describe(JsonNode node) {
        if (node.isString()) {
            String s = node.asString();
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (node.isObject() || node.isArray()) {
            return kind(node);
        }
        return node.toString();
    }
}
