package com.salescopilot.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DISC behaviour styles (a behaviour-style model, not a trait test): the four dimensions and the
 * primary style. A dimension is null only in an unvalidated result.
 */
public record Disc(StyleScore dominance, StyleScore influence, StyleScore steadiness, StyleScore conscientiousness,
                   DiscStyle primaryStyle) {

    public StyleScore get(DiscStyle style) {
        return switch (style) {
            case D -> dominance;
            case I -> influence;
            case S -> steadiness;
            case C -> conscientiousness;
        };
    }

    /** The dimensions in D, I, S, C order. */
    public Map<DiscStyle, StyleScore> asMap() {
        Map<DiscStyle, StyleScore> map = new LinkedHashMap<>();
        for (DiscStyle style : DiscStyle.values()) {
            map.put(style, get(style));
        }
        return map;
    }

    /** The style with the highest score (the first in D, I, S, C order on a tie); null if a dimension is missing. */
    public DiscStyle strongestStyle() {
        DiscStyle best = null;
        for (DiscStyle style : DiscStyle.values()) {
            StyleScore score = get(style);
            if (score == null) {
                return null;
            }
            if (best == null || score.score() > get(best).score()) {
                best = style;
            }
        }
        return best;
    }
}
