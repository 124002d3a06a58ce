package com.salescopilot.analysis;

import com.salescopilot.base.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether an evidence quote was really said in the session. Both sides are folded the same way:
 * lower case, Polish and other diacritics removed ({@code ł} included, see {@link TextNormalizer}),
 * punctuation and quotation marks ignored, whitespace collapsed. A quote is found when its folded
 * words occur in the folded session text in one run; a quote shortened with an ellipsis ("…" or
 * "...") is found when its parts occur in that order. An empty quote, or one with fewer than
 * {@value #MIN_CHARACTERS} letters, is never counted as found (it proves nothing).
 */
public final class EvidenceMatcher {

    public static final int MIN_CHARACTERS = 3;

    private static final Pattern ELLIPSIS = Pattern.compile("…|\\.{3,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final String corpus;

    /** @param sessionTexts the texts of the session's interactions */
    public EvidenceMatcher(List<String> sessionTexts) {
        this.corpus = " " + fold(String.join("\n", sessionTexts)) + " ";
    }

    public boolean found(String quote) {
        if (quote == null) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        for (String part : ELLIPSIS.split(quote)) {
            String folded = fold(part);
            if (!folded.isEmpty()) {
                parts.add(folded);
            }
        }
        if (parts.stream().mapToInt(p -> p.replace(" ", "").length()).sum() < MIN_CHARACTERS) {
            return false;
        }
        int from = 0;
        for (String part : parts) {
            int at = corpus.indexOf(" " + part + " ", from);
            if (at < 0) {
                return false;
            }
            from = at + part.length() + 1;
        }
        return true;
    }

    /** Lower case, no diacritics, words separated by single spaces, no punctuation. */
    static String fold(String text) {
        return NOT_WORD.matcher(TextNormalizer.fold(text)).replaceAll(" ").strip();
    }
}
