package com.salescopilot.analysis.ai;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the prompt templates of {@code src/main/resources/prompts/analysis/} once and renders them
 * with LangChain4j's {@link PromptTemplate} ({@code {{variable}}} syntax; a missing variable is an
 * error; values are inserted once, so {@code {{…}}} inside client text stays as it is). LangChain4j
 * also supplies {@code current_date}, {@code current_time} and {@code current_date_time}.
 * Thread-safe.
 */
public final class PromptRenderer {

    public static final String DIRECTORY = "prompts/analysis/";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");

    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, PromptTemplate> templates = new ConcurrentHashMap<>();
    private final Clock clock;

    public PromptRenderer() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock for {@code {{current_date}}} and friends */
    public PromptRenderer(Clock clock) {
        this.clock = clock;
    }

    /** @param name the file name without {@code .txt}, e.g. {@code fast-system} */
    public String render(String name, Map<String, ?> variables) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) variables;
        PromptTemplate template = templates.computeIfAbsent(name, n -> PromptTemplate.from(template(n), n, clock));
        return template.apply(values).text();
    }

    /** The template's text, loaded from the classpath on first use. */
    public String template(String name) {
        return texts.computeIfAbsent(name, PromptRenderer::load);
    }

    /** The variables a template uses (for tests that keep builders and templates in step). */
    public Set<String> variables(String name) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(template(name));
        while (matcher.find()) {
            names.add(matcher.group(1).strip());
        }
        return names;
    }

    private static String load(String name) {
        String path = DIRECTORY + name + ".txt";
        ClassLoader loader = PromptRenderer.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no prompt template " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + path, e);
        }
    }
}
