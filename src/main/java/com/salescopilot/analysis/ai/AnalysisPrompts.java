package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.Playbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the analysis module's prompts from the templates in {@code prompts/analysis/}:
 * <ul>
 * <li>fast path: {@link #fastSystem} + {@link #fastUser} → an answer in the SAY/ASK format that
 * {@link FastAnswerStreamParser} reads;</li>
 * <li>slow path: {@link #analysisSystem} + {@link #analysisUser} (send with
 * {@link AnalysisSchema#forPlaybook} as the response format) → JSON that
 * {@link AnalysisValidator#check} reads;</li>
 * <li>one repair retry: append the model's answer as an AI message and {@link #repairUser} as the
 * next user message.</li>
 * </ul>
 * Client text goes in as data: on one line per turn, between tags it cannot close.
 */
public final class AnalysisPrompts {

    /** Budget for the history in the fast prompt (characters, about 1 500 tokens). */
    public static final int FAST_HISTORY_BUDGET = 6_000;
    /** Budget for the history in the analysis prompt (characters, about 6 000 tokens). */
    public static final int ANALYSIS_HISTORY_BUDGET = 24_000;
    public static final int KNOWLEDGE_BUDGET = 6_000;
    public static final int SNIPPET_LENGTH = 800;
    public static final int RAW_OUTPUT_LENGTH = 12_000;
    public static final int MAX_REPAIR_ERRORS = 40;

    private final PromptRenderer renderer;
    private final ConversationCompactor fastHistory;
    private final ConversationCompactor analysisHistory;

    public AnalysisPrompts(PromptRenderer renderer, ConversationCompactor fastHistory,
                           ConversationCompactor analysisHistory) {
        this.renderer = renderer;
        this.fastHistory = fastHistory;
        this.analysisHistory = analysisHistory;
    }

    /** The default budgets with the system clock. */
    public static AnalysisPrompts standard() {
        return new AnalysisPrompts(new PromptRenderer(), new ConversationCompactor(FAST_HISTORY_BUDGET, 240),
                new ConversationCompactor(ANALYSIS_HISTORY_BUDGET, 400));
    }

    public String fastSystem(Playbook playbook, AnswerLanguage language) {
        return renderer.render("fast-system", Map.of(
                "playbook", PlaybookText.render(playbook),
                "language_instruction", fastLanguageInstruction(language)));
    }

    /**
     * @param earlier   the session's turns before the new one, oldest first
     * @param latest    the new input
     * @param knowledge retrieved nuggets and meta-rules (either may be empty)
     * @param profile   the latest analysis of the session, or null
     */
    public String fastUser(List<Turn> earlier, Turn latest, List<KnowledgeSnippet> knowledge, AnalysisResult profile,
                           AnswerLanguage language) {
        return fastUser(earlier, latest, unbudgeted(knowledge), profile, language);
    }

    /** As above, with the knowledge already fitted into the prompt's budget ({@link #knowledge}). */
    public String fastUser(List<Turn> earlier, Turn latest, KnowledgeBlock knowledge, AnalysisResult profile,
                           AnswerLanguage language) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("history", PromptText.data(fastHistory.render(earlier)));
        values.put("profile", ProfileBrief.of(profile));
        values.put("knowledge", knowledge.nuggets());
        values.put("meta_rules", knowledge.metaRules());
        values.put("input_label", latest.label());
        values.put("input_number", latest.number());
        values.put("input", PromptText.data(latest.text().strip()));
        values.put("language_instruction", fastLanguageInstruction(language));
        return renderer.render("fast-user", values);
    }

    public String analysisSystem(Playbook playbook, AnswerLanguage language) {
        return renderer.render("analysis-system", Map.of(
                "playbook", PlaybookText.render(playbook),
                "currency", playbook.currency().isEmpty() ? "the playbook's currency" : playbook.currency(),
                "json_shape", AnalysisSchema.shape(playbook),
                "language_instruction", analysisLanguageInstruction(language)));
    }

    /**
     * @param turns    the whole session, oldest first (the newest is the interaction being analysed)
     * @param previous the session's previous analysis, or null
     */
    public String analysisUser(List<Turn> turns, List<KnowledgeSnippet> knowledge, AnalysisResult previous,
                               AnswerLanguage language) {
        return analysisUser(turns, unbudgeted(knowledge), previous, List.of(), language);
    }

    /**
     * @param answered the clarifying questions the seller already answered in this session ("question →
     *                 answer"), which the model must not ask again
     */
    public String analysisUser(List<Turn> turns, List<KnowledgeSnippet> knowledge, AnalysisResult previous,
                               List<String> answered, AnswerLanguage language) {
        return analysisUser(turns, unbudgeted(knowledge), previous, answered, language);
    }

    /** As above, with the knowledge already fitted into the prompt's budget ({@link #knowledge}). */
    public String analysisUser(List<Turn> turns, KnowledgeBlock knowledge, AnalysisResult previous,
                               AnswerLanguage language) {
        return analysisUser(turns, knowledge, previous, List.of(), language);
    }

    /** As above, with the knowledge fitted into the budget and the questions the seller already answered. */
    public String analysisUser(List<Turn> turns, KnowledgeBlock knowledge, AnalysisResult previous,
                               List<String> answered, AnswerLanguage language) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("answered_questions", answeredBlock(answered));
        values.put("turn_count", turns.size());
        values.put("latest_number", turns.isEmpty() ? 0 : turns.getLast().number());
        values.put("history", analysisHistory.render(turns));
        values.put("previous_analysis", ProfileBrief.of(previous));
        values.put("knowledge", knowledge.nuggets());
        values.put("meta_rules", knowledge.metaRules());
        values.put("language_instruction", analysisLanguageInstruction(language));
        return renderer.render("analysis-user", values);
    }

    /**
     * The follow-up user message of the one repair retry.
     *
     * @param rawOutput the model's unusable answer (cut to {@value #RAW_OUTPUT_LENGTH} characters), or
     *                  null when the conversation sent to the model already holds it as an AI message
     * @param errors    the parser's and validator's errors
     */
    public String repairUser(String rawOutput, List<String> errors, AnswerLanguage language) {
        List<String> shown = new ArrayList<>();
        List<String> all = errors == null || errors.isEmpty() ? List.of("the answer was not a valid analysis") : errors;
        for (int i = 0; i < all.size() && i < MAX_REPAIR_ERRORS; i++) {
            shown.add("- " + PromptText.oneLine(all.get(i)));
        }
        if (all.size() > MAX_REPAIR_ERRORS) {
            shown.add("- … and " + (all.size() - MAX_REPAIR_ERRORS) + " more of the same kind");
        }
        String raw = rawOutput == null ? "(see your previous message)"
                : rawOutput.isBlank() ? "(empty)" : PromptText.data(PromptText.shorten(rawOutput.strip(), RAW_OUTPUT_LENGTH));
        return renderer.render("repair-user", Map.of(
                "errors", String.join("\n", shown),
                "raw_output", raw,
                "language_instruction", analysisLanguageInstruction(language)));
    }

    static String answeredBlock(List<String> answered) {
        if (answered == null || answered.isEmpty()) {
            return "(none yet)";
        }
        StringBuilder out = new StringBuilder();
        for (String line : answered) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("- ").append(PromptText.data(PromptText.shorten(PromptText.oneLine(line), 400)));
        }
        return out.toString();
    }

    static String fastLanguageInstruction(AnswerLanguage language) {
        return "Write the content in " + language.englishName() + " (the language of this session), whatever "
                + "language the notes are in; keep the markers SAY: and ASK: in English.";
    }

    static String analysisLanguageInstruction(AnswerLanguage language) {
        return "Write every text value (rationales, strategies, notes, actions, questions) in "
                + language.englishName() + " (the language of this session); evidence quotes stay in the "
                + "language they were said in; JSON keys and enum values stay in English.";
    }

    /**
     * The knowledge blocks of a prompt and the ids of the nuggets (not meta-rules) they carry, which the
     * analysis records as "based on".
     */
    public record KnowledgeBlock(String nuggets, String metaRules, List<String> nuggetIds) {

        public static final KnowledgeBlock EMPTY = new KnowledgeBlock("(no knowledge retrieved)", "(no meta-rules)",
                List.of());
    }

    private static KnowledgeBlock unbudgeted(List<KnowledgeSnippet> knowledge) {
        return new KnowledgeBlock(knowledgeBlock(knowledge, false), knowledgeBlock(knowledge, true),
                knowledge == null ? List.of() : knowledge.stream().filter(k -> !k.metaRule()).map(KnowledgeSnippet::id)
                        .toList());
    }

    /**
     * Fits retrieved knowledge into {@code budgetChars} characters (at most {@value #KNOWLEDGE_BUDGET}):
     * meta-rules first (they are rules), then nuggets in their order; what does not fit is left out whole,
     * never cut in the middle of an id.
     */
    public static KnowledgeBlock knowledge(List<KnowledgeSnippet> snippets, int budgetChars) {
        int budget = Math.max(0, Math.min(budgetChars, KNOWLEDGE_BUDGET));
        List<KnowledgeSnippet> all = snippets == null ? List.of() : snippets;
        StringBuilder rules = new StringBuilder();
        StringBuilder nuggets = new StringBuilder();
        List<String> ids = new ArrayList<>();
        int used = 0;
        for (boolean metaPass : new boolean[] {true, false}) {
            for (KnowledgeSnippet snippet : all) {
                if (snippet.metaRule() != metaPass) {
                    continue;
                }
                String line = line(snippet, metaPass);
                if (used + line.length() + 1 > budget) {
                    continue;
                }
                StringBuilder out = metaPass ? rules : nuggets;
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line);
                used += line.length() + 1;
                if (!metaPass) {
                    ids.add(snippet.id());
                }
            }
        }
        return new KnowledgeBlock(nuggets.isEmpty() ? KnowledgeBlock.EMPTY.nuggets() : nuggets.toString(),
                rules.isEmpty() ? KnowledgeBlock.EMPTY.metaRules() : rules.toString(), List.copyOf(ids));
    }

    private static String line(KnowledgeSnippet snippet, boolean metaRule) {
        StringBuilder line = new StringBuilder("[").append(PromptText.oneLine(snippet.id())).append("] ");
        if (!metaRule && !snippet.type().isBlank()) {
            line.append('(').append(PromptText.oneLine(snippet.type())).append(") ");
        }
        if (!snippet.title().isBlank()) {
            line.append(PromptText.oneLine(snippet.title())).append(": ");
        }
        line.append(PromptText.shorten(PromptText.oneLine(snippet.content()), SNIPPET_LENGTH));
        return line.toString();
    }

    /** Retrieved nuggets ({@code metaRules} false) or meta-rules (true) within the knowledge budget. */
    static String knowledgeBlock(List<KnowledgeSnippet> snippets, boolean metaRules) {
        StringBuilder out = new StringBuilder();
        int left = 0;
        if (snippets != null) {
            for (KnowledgeSnippet snippet : snippets) {
                if (snippet.metaRule() != metaRules) {
                    continue;
                }
                StringBuilder line = new StringBuilder("[").append(PromptText.oneLine(snippet.id())).append("] ");
                if (!metaRules && !snippet.type().isBlank()) {
                    line.append('(').append(PromptText.oneLine(snippet.type())).append(") ");
                }
                if (!snippet.title().isBlank()) {
                    line.append(PromptText.oneLine(snippet.title())).append(": ");
                }
                line.append(PromptText.shorten(PromptText.oneLine(snippet.content()), SNIPPET_LENGTH));
                if (out.length() + line.length() + 1 > KNOWLEDGE_BUDGET) {
                    left++;
                    continue;
                }
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line);
            }
        }
        if (out.isEmpty()) {
            return metaRules ? "(no meta-rules)" : "(no knowledge retrieved)";
        }
        if (left > 0) {
            out.append("\n(").append(left).append(" more left out for length)");
        }
        return out.toString();
    }
}
