package com.salescopilot.knowledge.index;

/** A nugget found by vector similarity, with its cosine similarity (as the index reports it). */
public record VectorHit(long nuggetId, double score) {
}
