package com.salescopilot.analysis;

/**
 * A question the analysis asks the seller, with two answers to pick from and what the answer would
 * settle ("whether the client is analytical or impulsive").
 */
public record ClarifyingQuestion(String question, String optionA, String optionB, String settles) {

    public ClarifyingQuestion {
        question = Records.text(question);
        optionA = Records.text(optionA);
        optionB = Records.text(optionB);
        settles = Records.text(settles);
    }
}
