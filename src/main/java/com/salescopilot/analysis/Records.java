package com.salescopilot.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Null-safety helpers for the result records: null text becomes "", null lists become empty. */
final class Records {

    private Records() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** An unmodifiable copy without null elements; null gives an empty list. */
    static <T> List<T> list(List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            if (value != null) {
                copy.add(value);
            }
        }
        return Collections.unmodifiableList(copy);
    }

    /** Finds an enum constant by its code or name, ignoring case, spaces, hyphens and underscores. */
    static <E extends Enum<E>> E byCode(Class<E> type, String code, Function<E, String> codeOf) {
        if (code == null) {
            return null;
        }
        String wanted = fold(code);
        if (wanted.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (fold(codeOf.apply(constant)).equals(wanted) || fold(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        return null;
    }

    static String fold(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
