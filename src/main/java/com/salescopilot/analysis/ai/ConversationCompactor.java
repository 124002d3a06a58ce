package com.salescopilot.analysis.ai;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Renders a session's history for a prompt within a character budget, oldest first, one line per
 * turn ({@code #3 Client said: …}; newlines inside a turn are collapsed so client text cannot fake a
 * turn of its own). The newest turns are kept whole and the older ones shortened to
 * {@code shortenedLength} characters, with as many whole turns as the budget allows. When even all
 * turns shortened do not fit, the newest turns stay whole within half the budget (at least the newest
 * one, cut if it alone is too long), older turns follow shortened while they fit, and the oldest are
 * left out and counted in a first line "(N earlier turns left out)". Never longer than the budget.
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
        int n = turns.size();
        String[] whole = new String[n];
        String[] shortened = new String[n];
        for (int i = 0; i < n; i++) {
            Turn turn = turns.get(i);
            String header = "#" + turn.number() + " " + turn.label() + ": ";
            String text = PromptText.oneLine(turn.text());
            whole[i] = header + text;
            shortened[i] = header + PromptText.shorten(text, shortenedLength);
        }
        // 1. everything fits: turns before k shortened, from k on whole; the smallest such k
        long[] wholeFrom = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            wholeFrom[i] = wholeFrom[i + 1] + whole[i].length();
        }
        long shortenedUpTo = 0;
        for (int k = 0; k <= n; k++) {
            if (shortenedUpTo + wholeFrom[k] + (n - 1) <= budget) {
                List<String> lines = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    lines.add(i < k ? shortened[i] : whole[i]);
                }
                return String.join("\n", lines);
            }
            if (k < n) {
                shortenedUpTo += shortened[k].length();
            }
        }
        // 2. not everything fits: newest whole within half the budget, older shortened, oldest left out
        int room = budget - omittedLine(n).length() - 1;
        Deque<String> kept = new ArrayDeque<>();
        int used = 0;
        int i = n - 1;
        for (; i >= 0; i--) {
            int needed = whole[i].length() + (kept.isEmpty() ? 0 : 1);
            if (kept.isEmpty() && whole[i].length() > room) {
                kept.addFirst(PromptText.shorten(whole[i], room)); // the newest turn alone is too long
                used = kept.getFirst().length();
                i--;
                break;
            }
            if (!kept.isEmpty() && used + needed > budget / 2) {
                break;
            }
            kept.addFirst(whole[i]);
            used += needed;
        }
        for (; i >= 0; i--) {
            int needed = shortened[i].length() + 1;
            if (used + needed > room) {
                break;
            }
            kept.addFirst(shortened[i]);
            used += needed;
        }
        StringBuilder out = new StringBuilder();
        if (i >= 0) {
            out.append(omittedLine(i + 1));
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
