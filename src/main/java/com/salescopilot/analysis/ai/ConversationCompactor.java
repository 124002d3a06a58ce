package com.salescopilot.analysis.ai;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Renders a session's history for a prompt within a character budget, oldest first, one line per
 * turn ({@code #3 Client said: …}, newlines inside a turn collapsed so client text cannot fake a turn
 * of its own). The newest turns are kept whole; once one does not fit, it and all older turns are
 * shortened to {@code shortenedLength} characters; turns that do not fit even so are left out and
 * counted in a first line "(N earlier turns left out)". If the newest turn alone is longer than the
 * budget, it is cut to fit. The result is never longer than the budget.
 */
public final class ConversationCompactor {

    public static final String EMPTY = "(no earlier turns)";
    private static final int MIN_BUDGET = 120;

    private final int budget;
    private final int shortenedLength;

    public ConversationCompactor(int budget, int shortenedLength) {
        if (budget < MIN_BUDGET) {
            throw new IllegalArgumentException("budget must be at least " + MIN_BUDGET + " characters");
        }
        if (shortenedLength < 20) {
            throw new IllegalArgumentException("shortenedLength must be at least 20 characters");
        }
        this.budget = budget;
        this.shortenedLength = shortenedLength;
    }

    public int budget() {
        return budget;
    }

    /** @param turns oldest first */
    public String render(List<Turn> turns) {
        if (turns == null || turns.isEmpty()) {
            return EMPTY;
        }
        Deque<String> kept = new ArrayDeque<>();
        int used = 0;
        boolean shortening = false;
        int index = turns.size() - 1;
        for (; index >= 0; index--) {
            Turn turn = turns.get(index);
            // room for the "(N earlier turns left out)" line, should older turns not fit
            int room = budget - used - (kept.isEmpty() ? 0 : 1) - (index > 0 ? omittedLine(index).length() + 1 : 0);
            String header = "#" + turn.number() + " " + turn.label() + ": ";
            String text = PromptText.oneLine(turn.text());
            String line = header + text;
            if (!shortening && line.length() <= room) {
                kept.addFirst(line);
                used += line.length() + (kept.size() > 1 ? 1 : 0);
                continue;
            }
            shortening = true;
            line = header + PromptText.shorten(text, shortenedLength);
            if (line.length() > room && kept.isEmpty()) {
                line = PromptText.shorten(header + text, Math.max(0, room)); // the newest turn alone is too long
            }
            if (line.length() > room || line.isEmpty()) {
                break;
            }
            kept.addFirst(line);
            used += line.length() + (kept.size() > 1 ? 1 : 0);
        }
        StringBuilder out = new StringBuilder();
        if (index >= 0) {
            out.append(omittedLine(index + 1));
        }
        for (String line : kept) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String omittedLine(int count) {
        return "(" + count + " earlier turn" + (count == 1 ? "" : "s") + " left out)";
    }
}
