package com.salescopilot.analysis.ai;

/**
 * What {@link FastAnswerStreamParser} announces while the fast answer streams in. Applying the events
 * in order (see {@link FastAnswerAccumulator}) always gives the parser's final answer, however the
 * stream was split into chunks.
 */
public sealed interface FastAnswerEvent {

    /** More words of the quick response; append them (a line break inside is a line of the answer). */
    record QuickResponseDelta(String text) implements FastAnswerEvent {
    }

    /**
     * Forget the quick response shown so far: text that came before the {@code SAY:} marker turned out
     * to be a preamble, not the answer. Rare (the prompt asks for the marker first).
     */
    record QuickResponseReset() implements FastAnswerEvent {
    }

    /** Suggested question number {@code number} (1…5) begins; its first words follow. */
    record QuestionStarted(int number) implements FastAnswerEvent {
    }

    /** More words of suggested question {@code number}; append them. */
    record QuestionDelta(int number, String text) implements FastAnswerEvent {
    }
}
