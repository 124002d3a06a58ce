package com.salescopilot.analysis.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link FastAnswerEvent}s to a running answer, e.g. for a view that redraws a buffered
 * state at its own pace. Not thread-safe.
 */
public final class FastAnswerAccumulator {

    private final StringBuilder quickResponse = new StringBuilder();
    private final List<StringBuilder> questions = new ArrayList<>();

    public void apply(FastAnswerEvent event) {
        switch (event) {
            case FastAnswerEvent.QuickResponseDelta delta -> quickResponse.append(delta.text());
            case FastAnswerEvent.QuickResponseReset reset -> quickResponse.setLength(0);
            case FastAnswerEvent.QuestionStarted started -> {
                while (questions.size() < started.number()) {
                    questions.add(new StringBuilder());
                }
            }
            case FastAnswerEvent.QuestionDelta delta -> {
                while (questions.size() < delta.number()) {
                    questions.add(new StringBuilder());
                }
                questions.get(delta.number() - 1).append(delta.text());
            }
        }
    }

    public FastAnswer answer() {
        return new FastAnswer(quickResponse.toString(), questions.stream().map(StringBuilder::toString).toList());
    }
}
