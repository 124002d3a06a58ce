package com.salescopilot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.ai.AnalysisPrompts;
import com.salescopilot.analysis.ai.AnalysisPrompts.KnowledgeBlock;
import com.salescopilot.analysis.ai.AnswerLanguage;
import com.salescopilot.analysis.ai.KnowledgeSnippet;
import com.salescopilot.analysis.ai.Turn;
import com.salescopilot.session.InteractionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retrieved knowledge never pushes a prompt over its budget; meta-rules go in first; ids match what went in. */
class PromptBudgetTest {

    private final AnalysisPrompts prompts = AnalysisPrompts.standard();
    private final Playbook playbook = Playbook.defaults();
    private final List<Turn> turns = List.of(
            new Turn(1, InteractionType.CLIENT_STATEMENT, "Pyta o zasięg zimą i o raty."),
            new Turn(2, InteractionType.OBJECTION, "Mówi, że to za drogo dla rodziny z trójką dzieci."));

    private List<KnowledgeSnippet> knowledge() {
        List<KnowledgeSnippet> out = new ArrayList<>();
        out.add(new KnowledgeSnippet("K1", "meta-rule", "Terminy", "Nie obiecuj terminu dostawy bez potwierdzenia."));
        for (int i = 2; i <= 30; i++) {
            out.add(new KnowledgeSnippet("K" + i, "pricing", "Pigułka " + i, "Treść pigułki ".repeat(40) + i));
        }
        return out;
    }

    private int tokens(PromptBudget budget, KnowledgeBlock block) {
        String system = prompts.fastSystem(playbook, AnswerLanguage.POLISH);
        String user = prompts.fastUser(turns.subList(0, 1), turns.get(1), block, null, AnswerLanguage.POLISH);
        return budget.estimateTokens(system + user);
    }

    @Test
    void theWholePromptStaysWithinEveryBudgetThatLeavesRoomForTheRest() {
        String system = prompts.fastSystem(playbook, AnswerLanguage.POLISH);
        String bare = prompts.fastUser(turns.subList(0, 1), turns.get(1), KnowledgeBlock.EMPTY, null, AnswerLanguage.POLISH);
        PromptBudget probe = new PromptBudget(1, 1, 3);
        int rest = probe.estimateTokens(system + bare);
        for (int max = rest; max <= rest + 3000; max += 97) {
            PromptBudget budget = new PromptBudget(max, max, 3);
            KnowledgeBlock block = budget.fit(knowledge(), max, system, bare);
            assertThat(tokens(budget, block)).as("budget %d", max).isLessThanOrEqualTo(max);
            for (String id : block.nuggetIds()) {
                assertThat(block.nuggets()).contains("[" + id + "]");
            }
        }
        // a generous budget takes nuggets (up to the knowledge block's own cap), a tight one only the rule
        KnowledgeBlock roomy = new PromptBudget(rest + 5000, 1, 3).fit(knowledge(), rest + 5000, system, bare);
        assertThat(roomy.nuggetIds()).isNotEmpty().doesNotContain("K1");
        assertThat(roomy.metaRules()).contains("[K1]");
        KnowledgeBlock tight = new PromptBudget(rest + 40, 1, 3).fit(knowledge(), rest + 40, system, bare);
        assertThat(tight.metaRules()).contains("[K1]");
        assertThat(tight.nuggetIds()).isEmpty();
        assertThat(tight.nuggets()).isEqualTo(KnowledgeBlock.EMPTY.nuggets());
    }
}
