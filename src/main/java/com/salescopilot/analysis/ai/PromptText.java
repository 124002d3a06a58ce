package com.salescopilot.analysis.ai;

import java.util.regex.Pattern;

/** Small text helpers for prompts: one-line text, shortening, and neutralising our own delimiters. */
final class PromptText {

    /** The tags the templates wrap untrusted data in; data must not be able to open or close them. */
    private static final Pattern OUR_TAGS = Pattern.compile(
            "<\\s*/?\\s*(conversation|new_input|knowledge|meta_rules|client_profile|previous_analysis|model_output"
                    + "|errors|answered_clarifying_questions)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PromptText() {
    }

    /** Untrusted text made safe to place between our tags. */
    static String data(String text) {
        return text == null ? "" : OUR_TAGS.matcher(text).replaceAll("[tag removed]");
    }

    /** Untrusted text on one line: whitespace collapsed, our tags neutralised. */
    static String oneLine(String text) {
        return WHITESPACE.matcher(data(text)).replaceAll(" ").strip();
    }

    /** At most {@code max} characters, cut at a word boundary where one is near, with "…". */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= 1) {
            return max == 1 ? "…" : "";
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int space = text.lastIndexOf(' ', cut);
        if (space > max * 2 / 3) {
            cut = space;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
