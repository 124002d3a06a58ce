package com.salescopilot.analysis;

/**
 * One addressable item of a fast result or an analysis: its stable id (see {@link SuggestionIds}),
 * its kind, and its text as shown to the seller (the snapshot feedback stores).
 */
public record Suggestion(String id, SuggestionKind kind, String text) {
}
