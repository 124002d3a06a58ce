package com.salescopilot.ai.fake;

import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line demo's answers: a plausible quick response with suggested questions in the
 * conversation's language (Polish or English) for plain chat requests, and an instance of the request's
 * JSON schema with readable texts, varied scores and evidence quotes taken verbatim from the
 * conversation for analysis requests.
 * <p>
 * The quick responses follow the fast path's light text format ({@code SAY:} then {@code ASK:} with one
 * bulleted question per line, as the analysis module's fast-path parser reads it); if that format
 * changes, change {@link #QUICK_EN} and {@link #QUICK_PL} with it.
 */
public final class DemoAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern POLISH = Pattern.compile(
            "[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\\b(nie|jest|się|czy|jak|żeby|dla|mamy|chcę|który|która|cena|oferta)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final String[] QUICK_EN = {
            """
            SAY: I hear that this matters to you. Let me show you how we handle exactly that, with a concrete example \
            from a client in a similar situation.
            ASK:
            - What would a good outcome look like for you in three months?
            - Who else is involved in this decision?
            - What have you tried so far, and what was missing?
            """,
            """
            SAY: That is a fair point. Let's put the numbers side by side so you can judge the value, not just the price.
            ASK:
            - Which costs matter most to you today?
            - How do you compare offers at the moment?
            - What timeline are you working with?
            """,
    };

    static final String[] QUICK_PL = {
            """
            SAY: Rozumiem, że to dla Pana ważne. Pokażę, jak rozwiązaliśmy dokładnie ten problem u klienta \
            w podobnej sytuacji.
            ASK:
            - Jak wyglądałby dla Pana dobry wynik za trzy miesiące?
            - Kto jeszcze bierze udział w tej decyzji?
            - Co już Pan próbował i czego zabrakło?
            """,
            """
            SAY: To słuszna uwaga. Zestawmy liczby obok siebie, żeby mógł Pan ocenić wartość, a nie tylko cenę.
            ASK:
            - Które koszty są dziś dla Pana najważniejsze?
            - Jak obecnie porównuje Pan oferty?
            - W jakim horyzoncie czasowym Pan działa?
            """,
    };

    private DemoAnswers() {
    }

    public static Answer answer(RecordedRequest request) {
        boolean polish = isPolish(request);
        if (request.format().isObject()) {
            String json = JSON.writeValueAsString(SchemaInstance.generate(request.format(), new Values(request, polish)));
            return Answer.json(json).thinking(polish ? "Analizuję rozmowę." : "Analysing the conversation.");
        }
        int variant = Math.floorMod(request.lastUserMessage().hashCode(), QUICK_EN.length);
        return Answer.text((polish ? QUICK_PL : QUICK_EN)[variant].strip())
                .thinking(polish ? "Klient pyta o wartość." : "The client asks about value.");
    }

    static boolean isPolish(RecordedRequest request) {
        String last = request.lastUserMessage();
        if (!last.isBlank()) {
            return POLISH.matcher(last).find();
        }
        String system = request.systemPrompt().toLowerCase(Locale.ROOT);
        return system.contains("polish") || system.contains("po polsku") || POLISH.matcher(request.allText()).find();
    }

    /** Readable values for an analysis schema. */
    private record Values(RecordedRequest request, boolean polish) implements SchemaInstance.Values {

        @Override
        public String text(String path, String name) {
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (n.contains("quote") || n.contains("evidence")) {
                return quote(path);
            }
            if (n.contains("question")) {
                return polish ? "Czy ważniejsza jest dla Pana cena, czy czas wdrożenia?"
                        : "Is price or time to go live more important to you?";
            }
            if (n.endsWith("_a") || n.endsWith("a") && n.contains("option")) {
                return polish ? "Cena" : "Price";
            }
            if (n.endsWith("_b") || n.contains("option")) {
                return polish ? "Czas wdrożenia" : "Time to go live";
            }
            if (n.contains("rationale") || n.contains("reason")) {
                return polish ? "Klient dopytuje o szczegóły i porównuje oferty, co wskazuje na analityczne podejście."
                        : "The client asks for details and compares offers, which points to an analytical approach.";
            }
            if (n.contains("strategy") || n.contains("action") || n.contains("handler") || n.contains("note")) {
                return polish ? "Podaj konkretne liczby i referencje, nie naciskaj na szybką decyzję."
                        : "Give concrete numbers and references; do not push for a quick decision.";
            }
            if (n.contains("signal")) {
                return polish ? "Pyta o termin wdrożenia." : "Asks about the start date.";
            }
            if (n.contains("summary") || n.contains("analysis")) {
                return polish ? "Rzeczowy klient, który chce zrozumieć wartość przed decyzją."
                        : "A matter-of-fact client who wants to understand the value before deciding.";
            }
            if (n.contains("timing") || n.contains("timeframe")) {
                return polish ? "w ciągu 2 tygodni" : "within 2 weeks";
            }
            return polish ? "przykładowa wartość (" + name + ")" : "sample value (" + name + ")";
        }

        @Override
        public long integer(String path, String name, long min, long max) {
            if (max <= min) {
                return min;
            }
            long span = max - min;
            // 30–80 % of the range, stable for the same path and conversation
            int pct = 30 + Math.floorMod((path + request.lastUserMessage()).hashCode(), 51);
            return min + span * pct / 100;
        }

        @Override
        public double number(String path, String name, double min, double max) {
            return min + (max - min) * (30 + Math.floorMod(path.hashCode(), 51)) / 100.0;
        }

        /** A few words taken verbatim from the conversation (so evidence checks pass in the demo). */
        private String quote(String path) {
            String source = request.lastUserMessage().isBlank() ? request.allText() : request.lastUserMessage();
            java.util.List<int[]> words = new java.util.ArrayList<>();
            java.util.regex.Matcher m = Pattern.compile("\\S+").matcher(source);
            while (m.find()) {
                words.add(new int[] {m.start(), m.end()});
            }
            if (words.isEmpty()) {
                return "";
            }
            int length = Math.min(words.size(), 6);
            int first = Math.floorMod(path.hashCode(), words.size() - length + 1);
            return source.substring(words.get(first)[0], words.get(first + length - 1)[1]);
        }
    }
}
