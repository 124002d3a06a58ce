package com.salescopilot.analysis;

import com.salescopilot.analysis.ai.AnalysisPrompts;
import com.salescopilot.analysis.ai.AnalysisPrompts.KnowledgeBlock;
import com.salescopilot.analysis.ai.KnowledgeSnippet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The size limit of each path's prompt (system + user message), in estimated tokens: retrieved knowledge
 * gets only what the rest of the prompt leaves, so retrieval never pushes a prompt over it. Tokens are
 * estimated from characters ({@code chars-per-token}, 3 by default: cautious for Polish, which takes more
 * tokens per character than English).
 */
@ConfigurationProperties("copilot.analysis.prompt-budget")
public record PromptBudget(@DefaultValue("8000") int fastTokens, @DefaultValue("24000") int analysisTokens,
                           @DefaultValue("3") double charsPerToken) {

    public PromptBudget {
        if (fastTokens < 1 || analysisTokens < 1 || charsPerToken <= 0) {
            throw new IllegalArgumentException("copilot.analysis.prompt-budget values must be positive");
        }
    }

    public int estimateTokens(String text) {
        return text == null ? 0 : (int) Math.ceil(text.length() / charsPerToken);
    }

    /**
     * The knowledge that fits beside a prompt whose other parts ({@code system} and {@code userWithoutKnowledge},
     * rendered with {@link KnowledgeBlock#EMPTY}) already take their share of {@code maxTokens}.
     */
    public KnowledgeBlock fit(List<KnowledgeSnippet> snippets, int maxTokens, String system, String userWithoutKnowledge) {
        int placeholders = KnowledgeBlock.EMPTY.nuggets().length() + KnowledgeBlock.EMPTY.metaRules().length();
        int usedChars = system.length() + userWithoutKnowledge.length() - placeholders;
        // kept in reserve: a block that ends up empty still shows its placeholder, and rounding
        int leftChars = (int) Math.floor(maxTokens * charsPerToken) - usedChars - placeholders - 2;
        return AnalysisPrompts.knowledge(snippets, leftChars);
    }
}
