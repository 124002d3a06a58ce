package com.salescopilot.knowledge;

/** How {@link KnowledgeSearch} ranks: both signals fused (the default), or one alone (for comparisons). */
public enum SearchMode {
    HYBRID, VECTOR, FULL_TEXT
}
