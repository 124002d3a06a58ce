package com.salescopilot.knowledge;

/**
 * One search result: the nugget, its fused score (reciprocal rank fusion, higher is better) and its rank
 * in each signal (1-based; null when that signal did not find it).
 */
public record SearchHit(Nugget nugget, double score, Integer vectorRank, Integer textRank) {
}
