package com.salescopilot.analysis;

/**
 * Where a client sits on the DISC map: a circle in four quadrants, D top left, i top right, S bottom
 * right, C bottom left (the vertical axis runs from reserved/reflective at the bottom to outgoing/fast
 * at the top, the horizontal one from task-oriented on the left to people-oriented on the right).
 * <p>
 * Each style pulls towards the middle of its quadrant (a unit vector at 135°, 45°, −45°, −135°) with
 * its score as weight; the dot is the weighted mean of the four, so it always lies inside the circle:
 * at the centre when the four scores are equal (or all 0), on the edge at 45° steps only for a pure
 * style, and in the quadrant of the strongest style.
 *
 * @param x     −1 (task) … 1 (people)
 * @param y     −1 (reserved) … 1 (outgoing)
 */
public record DiscPosition(double x, double y) {

    private static final double DIAGONAL = Math.sqrt(0.5);

    public static DiscPosition of(int d, int i, int s, int c) {
        double dominance = Math.max(0, d);
        double influence = Math.max(0, i);
        double steadiness = Math.max(0, s);
        double conscientiousness = Math.max(0, c);
        double sum = dominance + influence + steadiness + conscientiousness;
        if (sum == 0) {
            return new DiscPosition(0, 0);
        }
        double x = (influence + steadiness - dominance - conscientiousness) * DIAGONAL / sum;
        double y = (dominance + influence - steadiness - conscientiousness) * DIAGONAL / sum;
        return new DiscPosition(x, y);
    }

    /** From the analysis's four dimensions (a missing one counts as 0). */
    public static DiscPosition of(Disc disc) {
        return of(score(disc.dominance()), score(disc.influence()), score(disc.steadiness()),
                score(disc.conscientiousness()));
    }

    private static int score(StyleScore score) {
        return score == null ? 0 : score.score();
    }

    /** Distance from the centre, 0 … 1: how pronounced the style is. */
    public double radius() {
        return Math.min(1, Math.hypot(x, y));
    }

    /** Angle in degrees, 0 = right, counter-clockwise, 0 … 360. */
    public double angle() {
        double degrees = Math.toDegrees(Math.atan2(y, x));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /** The quadrant the dot is in (the centre counts as none). */
    public DiscStyle quadrant() {
        if (x == 0 && y == 0) {
            return null;
        }
        if (y >= 0) {
            return x < 0 ? DiscStyle.D : DiscStyle.I;
        }
        return x < 0 ? DiscStyle.C : DiscStyle.S;
    }
}
