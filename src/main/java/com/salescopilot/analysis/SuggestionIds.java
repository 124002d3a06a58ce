package com.salescopilot.analysis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable ids of suggestions, which feedback points at. Numbers count from 1 in the order the
 * items are stored.
 * <p>
 * Fast path (one result per interaction; the id carries the interaction id):
 * <ul>
 * <li>{@code qr_<interactionId>} the quick response</li>
 * <li>{@code sq_<interactionId>_<n>} the n-th suggested question (n = 1…5)</li>
 * </ul>
 * Slow path (ids are positions in the <em>validated, stored</em> {@link AnalysisResult} of one
 * interaction, so "interaction id + suggestion id" names one item; never derive them from raw model
 * output, whose lists the validator trims and de-duplicates):
 * <ul>
 * <li>{@code ar} archetype · {@code ma} main analysis · {@code nba} next best action ·
 * {@code fu} follow-up timing</li>
 * <li>{@code sn_<n>} strategic note (≤ 5) · {@code sa_<n>} suggested action (≤ 6) ·
 * {@code bs_<n>} buy signal · {@code rs_<n>} risk signal · {@code oh_<n>} objection handler ·
 * {@code cq_<n>} clarifying question (≤ 2)</li>
 * </ul>
 */
public final class SuggestionIds {

    public static final String ARCHETYPE = "ar";
    public static final String MAIN_ANALYSIS = "ma";
    public static final String NEXT_BEST_ACTION = "nba";
    public static final String FOLLOW_UP_TIMING = "fu";

    private static final Pattern QUICK_RESPONSE = Pattern.compile("qr_(\\d+)");
    private static final Pattern SUGGESTED_QUESTION = Pattern.compile("sq_(\\d+)_([1-9]\\d*)");
    private static final Pattern NUMBERED = Pattern.compile("(sn|sa|bs|rs|oh|cq)_([1-9]\\d*)");

    private SuggestionIds() {
    }

    public static String quickResponse(long interactionId) {
        return "qr_" + interactionId;
    }

    /** @param n 1-based */
    public static String suggestedQuestion(long interactionId, int n) {
        return "sq_" + interactionId + "_" + positive(n);
    }

    public static String strategicNote(int n) {
        return "sn_" + positive(n);
    }

    public static String suggestedAction(int n) {
        return "sa_" + positive(n);
    }

    public static String buySignal(int n) {
        return "bs_" + positive(n);
    }

    public static String riskSignal(int n) {
        return "rs_" + positive(n);
    }

    public static String objectionHandler(int n) {
        return "oh_" + positive(n);
    }

    public static String clarifyingQuestion(int n) {
        return "cq_" + positive(n);
    }

    /** The kind an id names, if it is well-formed (it may still not exist in a given result). */
    public static Optional<SuggestionKind> kindOf(String id) {
        if (id == null) {
            return Optional.empty();
        }
        switch (id) {
            case ARCHETYPE:
                return Optional.of(SuggestionKind.ARCHETYPE);
            case MAIN_ANALYSIS:
                return Optional.of(SuggestionKind.MAIN_ANALYSIS);
            case NEXT_BEST_ACTION:
                return Optional.of(SuggestionKind.NEXT_BEST_ACTION);
            case FOLLOW_UP_TIMING:
                return Optional.of(SuggestionKind.FOLLOW_UP_TIMING);
            default:
                break;
        }
        if (QUICK_RESPONSE.matcher(id).matches()) {
            return Optional.of(SuggestionKind.QUICK_RESPONSE);
        }
        if (SUGGESTED_QUESTION.matcher(id).matches()) {
            return Optional.of(SuggestionKind.SUGGESTED_QUESTION);
        }
        Matcher numbered = NUMBERED.matcher(id);
        if (numbered.matches()) {
            return Optional.of(switch (numbered.group(1)) {
                case "sn" -> SuggestionKind.STRATEGIC_NOTE;
                case "sa" -> SuggestionKind.SUGGESTED_ACTION;
                case "bs" -> SuggestionKind.BUY_SIGNAL;
                case "rs" -> SuggestionKind.RISK_SIGNAL;
                case "oh" -> SuggestionKind.OBJECTION_HANDLER;
                default -> SuggestionKind.CLARIFYING_QUESTION;
            });
        }
        return Optional.empty();
    }

    /** True for ids of the fast path ({@code qr_…}, {@code sq_…}). */
    public static boolean isFastPath(String id) {
        return kindOf(id).map(SuggestionKind::fastPath).orElse(false);
    }

    private static int positive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("suggestion numbers count from 1, got " + n);
        }
        return n;
    }
}
