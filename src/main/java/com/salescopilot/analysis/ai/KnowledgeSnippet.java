package com.salescopilot.analysis.ai;

/**
 * A retrieved knowledge nugget as the prompts show it. {@code type} is the nugget type
 * ({@code product}, {@code pricing}, … or {@code meta-rule}); meta-rules go into their own block.
 */
public record KnowledgeSnippet(String id, String type, String title, String content) {

    public KnowledgeSnippet {
        id = id == null ? "" : id;
        type = type == null ? "" : type;
        title = title == null ? "" : title;
        content = content == null ? "" : content;
    }

    public boolean metaRule() {
        String folded = type.replace("-", "").replace("_", "").strip();
        return folded.equalsIgnoreCase("metarule");
    }
}
