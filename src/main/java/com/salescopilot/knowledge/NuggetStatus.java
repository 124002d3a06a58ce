package com.salescopilot.knowledge;

/** Archived nuggets stay (with their history) but are never searched for prompts. */
public enum NuggetStatus {
    ACTIVE, ARCHIVED
}
