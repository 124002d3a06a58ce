package com.salescopilot.analysis.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the fast path's light text format while it streams in. The format (fast-system.txt asks for
 * it):
 * <pre>
 * SAY: &lt;1–3 sentences the seller can say now&gt;
 * ASK:
 * - &lt;question 1&gt;
 * - &lt;question 2&gt;
 * </pre>
 * Tolerated: any case; Markdown decoration around the markers ({@code **Say:**}, {@code ### ASK});
 * a marker alone on its line without the colon; the aliases QUICK RESPONSE / POWIEDZ / ODPOWIEDŹ for
 * SAY and QUESTIONS / ZAPYTAJ / PYTANIA for ASK; text on the marker's own line; bullets {@code - * • – +},
 * numbers {@code 1.} {@code 1)} {@code (1)}; bold {@code **…**} (removed); blank lines, trailing
 * spaces, CR LF; code-fence lines and lines without a letter or digit ("---", a lone "-") are ignored;
 * a missing ASK section; bulleted questions right after the SAY text without an ASK marker. In the
 * ASK section every non-blank line is one question; more than {@value #MAX_QUESTIONS} are dropped. Text before any marker is taken as the quick response; if a
 * SAY marker follows, that preamble is withdrawn ({@link FastAnswerEvent.QuickResponseReset}). So an
 * answer that ignores the format entirely becomes the quick response.
 * <p>
 * Feed chunks as they arrive, split anywhere (even inside a marker or a multi-byte character pair):
 * events come as soon as the words are certain, and the result never depends on the split points.
 * Text is held back only while it could still be a marker or a bullet, and trailing spaces or
 * asterisks until the next character shows what they are. Not thread-safe: one stream, one parser.
 */
public final class FastAnswerStreamParser {

    public static final int MAX_QUESTIONS = 5;

    private static final Pattern MARKER = Pattern.compile(
            "^[ \\t#>*_]*(?:(say|quick[ _-]?response|powiedz|odpowied[zź])|(ask|questions|question|zapytaj|pytania))"
                    + "[ \\t*_]*([:：][ \\t*_]*)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BULLET = Pattern.compile(
            "^[ \\t]*(?:\\*\\*)?(?:[-*•–—+]|\\d{1,2}[.)]|\\(\\d{1,2}\\))(?:\\*\\*)?[ \\t]+");

    private enum Section { PREAMBLE, SAY, ASK }

    private enum LineKind { UNDECIDED, IGNORED, SAY_TEXT, QUESTION }

    private final Consumer<FastAnswerEvent> listener;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder quickResponse = new StringBuilder();
    private final List<StringBuilder> questions = new ArrayList<>();
    private Section section = Section.PREAMBLE;
    private LineKind kind = LineKind.UNDECIDED;
    private int contentStart;
    private String emittedInLine = "";
    private int lineQuestion;
    private boolean finished;

    /** @param listener receives the events in order, on the feeding thread */
    public FastAnswerStreamParser(Consumer<FastAnswerEvent> listener) {
        this.listener = listener == null ? event -> { } : listener;
    }

    /** Parses a whole answer at once. */
    public static FastAnswer parse(String text) {
        FastAnswerStreamParser parser = new FastAnswerStreamParser(null);
        parser.feed(text);
        return parser.finish();
    }

    /** The next piece of the stream. */
    public void feed(String chunk) {
        if (chunk == null || chunk.isEmpty()) {
            return;
        }
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        int from = 0;
        while (from <= chunk.length()) {
            int newline = chunk.indexOf('\n', from);
            int end = newline < 0 ? chunk.length() : newline;
            appendWithoutCarriageReturns(chunk, from, end);
            if (newline < 0) {
                progress(false);
                return;
            }
            progress(true);
            nextLine();
            from = newline + 1;
        }
    }

    /** The end of the stream: settles the last line and returns the answer. Idempotent. */
    public FastAnswer finish() {
        if (!finished) {
            if (!line.isEmpty()) {
                progress(true);
                nextLine();
            }
            finished = true;
        }
        return snapshot();
    }

    /** The answer as far as it is certain now (e.g. when a stream is cut or cancelled). */
    public FastAnswer snapshot() {
        return new FastAnswer(quickResponse.toString(), questions.stream().map(StringBuilder::toString).toList());
    }

    private void appendWithoutCarriageReturns(String chunk, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chunk.charAt(i);
            if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void nextLine() {
        line.setLength(0);
        kind = LineKind.UNDECIDED;
        contentStart = 0;
        emittedInLine = "";
        lineQuestion = 0;
    }

    private void progress(boolean complete) {
        if (kind == LineKind.UNDECIDED) {
            decide(complete);
        }
        if (kind == LineKind.SAY_TEXT || kind == LineKind.QUESTION) {
            emit(complete);
        }
    }

    /** Decides what the current line is, once no further character can change the answer. */
    private void decide(boolean complete) {
        String text = line.toString();
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            if (complete) {
                kind = LineKind.IGNORED;
            }
            return;
        }
        if (stripped.startsWith("```")) {
            kind = LineKind.IGNORED;
            return;
        }
        if (!complete && "``".startsWith(stripped)) {
            return;
        }
        Matcher marker = MARKER.matcher(text);
        if (marker.lookingAt()) {
            boolean colon = marker.group(3) != null;
            boolean atEnd = marker.end() == text.length();
            if (!complete && atEnd) {
                return; // more decoration, a colon or other words may follow
            }
            if (colon || atEnd) {
                enterSection(marker.group(1) != null ? Section.SAY : Section.ASK);
                contentStart = marker.end();
                kind = section == Section.SAY ? LineKind.SAY_TEXT : LineKind.QUESTION;
                return;
            }
            // a keyword followed by other words ("Say hello…", "Asking…") is ordinary text
        } else if (marker.hitEnd() && !complete) {
            return;
        }
        int firstVisible = firstNonWhitespace(text);
        switch (section) {
            case PREAMBLE -> {
                kind = LineKind.SAY_TEXT;
                contentStart = firstVisible;
            }
            case SAY, ASK -> {
                Matcher bullet = BULLET.matcher(text);
                boolean isBullet = bullet.lookingAt();
                if ((isBullet || bullet.hitEnd()) && !complete && (!isBullet || bullet.end() == text.length())) {
                    return; // "1" may become "1." and "- " may get more spaces
                }
                if (section == Section.SAY && isBullet && !quickResponse.isEmpty()) {
                    section = Section.ASK; // questions listed right after the quick response, no ASK marker
                }
                kind = section == Section.SAY ? LineKind.SAY_TEXT : LineKind.QUESTION;
                contentStart = isBullet ? bullet.end() : firstVisible;
            }
        }
    }

    private void enterSection(Section next) {
        if (next == Section.SAY && section == Section.PREAMBLE && !quickResponse.isEmpty()) {
            quickResponse.setLength(0);
            listener.accept(new FastAnswerEvent.QuickResponseReset());
        }
        section = next;
    }

    /** Emits the part of the line's content that can no longer change. */
    private void emit(boolean complete) {
        String content = line.substring(Math.min(contentStart, line.length()));
        String certain;
        if (complete) {
            certain = clean(content).strip();
        } else {
            int end = content.length();
            while (end > 0 && holdBack(content.charAt(end - 1))) {
                end--;
            }
            certain = clean(content.substring(0, end)).stripLeading();
        }
        if (certain.length() <= emittedInLine.length() || !certain.startsWith(emittedInLine)) {
            return;
        }
        if (emittedInLine.isEmpty() && certain.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return; // a line of only punctuation ("-", "---", "•") is no text until a word shows up
        }
        String delta = certain.substring(emittedInLine.length());
        emittedInLine = certain;
        if (kind == LineKind.SAY_TEXT) {
            if (!quickResponse.isEmpty() && emittedInLine.length() == delta.length()) {
                delta = "\n" + delta; // a new line of the quick response
            }
            quickResponse.append(delta);
            listener.accept(new FastAnswerEvent.QuickResponseDelta(delta));
        } else {
            if (lineQuestion == 0) {
                if (questions.size() >= MAX_QUESTIONS) {
                    kind = LineKind.IGNORED;
                    return;
                }
                questions.add(new StringBuilder());
                lineQuestion = questions.size();
                listener.accept(new FastAnswerEvent.QuestionStarted(lineQuestion));
            }
            questions.get(lineQuestion - 1).append(delta);
            listener.accept(new FastAnswerEvent.QuestionDelta(lineQuestion, delta));
        }
    }

    private static boolean holdBack(char c) {
        return Character.isWhitespace(c) || c == '*' || Character.isHighSurrogate(c);
    }

    /** Removes Markdown bold markers ({@code **}), pairing asterisks from the left. */
    static String clean(String text) {
        if (text.indexOf("**") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstNonWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
