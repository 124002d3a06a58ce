package com.salescopilot.base.ui.charts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small builder for Apache ECharts option objects: an ordered JSON object whose values are strings,
 * numbers, booleans, lists, arrays or other {@code ChartOption}s. Colours may be Lumo tokens from
 * {@link LumoColor}; {@link EChart} turns them into the theme's real colours in the browser.
 * <pre>
 * ChartOption.of("radar", ChartOption.of("indicator", List.of(...)))
 *            .put("series", List.of(ChartOption.of("type", "radar").put("data", ...)));
 * </pre>
 */
public final class ChartOption {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> values = new LinkedHashMap<>();

    public static ChartOption obj() {
        return new ChartOption();
    }

    public static ChartOption of(String key, Object value) {
        return new ChartOption().put(key, value);
    }

    /** Sets a key (a null value removes it); arrays become lists. */
    public ChartOption put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else if (value instanceof Object[] array) {
            values.put(key, Arrays.asList(array));
        } else if (value instanceof int[] array) {
            values.put(key, Arrays.stream(array).boxed().toList());
        } else if (value instanceof double[] array) {
            values.put(key, Arrays.stream(array).boxed().toList());
        } else {
            values.put(key, value);
        }
        return this;
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** The child object under {@code key}, created when missing. */
    public ChartOption child(String key) {
        Object existing = values.get(key);
        if (existing instanceof ChartOption option) {
            return option;
        }
        ChartOption created = new ChartOption();
        values.put(key, created);
        return created;
    }

    /** A list of values (for {@code data}, {@code series} …). */
    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    public String toJson() {
        return JSON.writeValueAsString(values);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
