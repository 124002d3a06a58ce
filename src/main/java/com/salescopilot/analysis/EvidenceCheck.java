package com.salescopilot.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of checking an analysis's evidence quotes (the Big Five traits carry them) against the
 * session's text with {@link EvidenceMatcher}: every quote with whether it was found, and the share of
 * verified quotes. Stored with the analysis (columns {@code evidence}, {@code evidence_verified_pct}).
 * <p>
 * <b>The confidence rule</b> (docs/decisions/0006): each unverified quote of a trait halves the
 * trait's displayed confidence (rounded down): 60 with one invented quote shows 30, with two 15.
 * Verified quotes and a trait without quotes leave the model's confidence as it is. The unverified
 * quotes are not shown as evidence; the UI names them as unverified.
 */
public record EvidenceCheck(List<Quote> quotes) {

    /** One quote of one trait ({@link BigFiveTrait#code()}), and whether the session contains it. */
    public record Quote(String trait, String text, boolean verified) {
    }

    public EvidenceCheck {
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    public static EvidenceCheck of(AnalysisResult result, List<String> sessionTexts) {
        EvidenceMatcher matcher = new EvidenceMatcher(sessionTexts);
        List<Quote> quotes = new ArrayList<>();
        if (result != null && result.bigFive() != null) {
            for (BigFiveTrait trait : BigFiveTrait.values()) {
                TraitScore score = result.bigFive().get(trait);
                if (score == null) {
                    continue;
                }
                for (String quote : score.evidence()) {
                    if (quote != null && !quote.isBlank()) {
                        quotes.add(new Quote(trait.code(), quote, matcher.found(quote)));
                    }
                }
            }
        }
        return new EvidenceCheck(quotes);
    }

    public int total() {
        return quotes.size();
    }

    public int verifiedCount() {
        return (int) quotes.stream().filter(Quote::verified).count();
    }

    /** Verified quotes in percent (rounded down), or null when the analysis quoted nothing. */
    public Integer verifiedPercent() {
        return quotes.isEmpty() ? null : verifiedCount() * 100 / quotes.size();
    }

    public List<String> verified(BigFiveTrait trait) {
        return quotes.stream().filter(q -> q.trait().equals(trait.code()) && q.verified()).map(Quote::text).toList();
    }

    public List<String> unverified(BigFiveTrait trait) {
        return quotes.stream().filter(q -> q.trait().equals(trait.code()) && !q.verified()).map(Quote::text).toList();
    }

    /** The trait's confidence as shown: halved for each unverified quote (see the class comment). */
    public int displayedConfidence(BigFiveTrait trait, int modelConfidence) {
        return displayedConfidence(modelConfidence, unverified(trait).size());
    }

    public static int displayedConfidence(int modelConfidence, int unverifiedQuotes) {
        int confidence = Math.max(0, Math.min(100, modelConfidence));
        return unverifiedQuotes >= 31 ? 0 : confidence >> unverifiedQuotes;
    }
}
