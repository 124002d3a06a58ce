package com.salescopilot.analysis;

import java.time.Instant;

/**
 * A clarifying question the seller has answered (one click on A or B): the question, the chosen
 * option's letter and text, and the clarification interaction that recorded it.
 */
public record AnsweredQuestion(String question, char choice, String answer, long interactionId, Instant answeredAt) {

    /** The folded question (case, diacritics, punctuation and spacing ignored), for recognising it again. */
    public static String key(String question) {
        return EvidenceMatcher.fold(question);
    }

    public boolean answers(ClarifyingQuestion candidate) {
        return candidate != null && key(candidate.question()).equals(key(question));
    }
}
