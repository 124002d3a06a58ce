package com.salescopilot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Where the dot goes on the DISC map. */
class DiscPositionTest {

    @Test
    void aPureStyleSitsOnTheEdgeInTheMiddleOfItsQuadrant() {
        assertPosition(DiscPosition.of(100, 0, 0, 0), 135, 1, DiscStyle.D);
        assertPosition(DiscPosition.of(0, 100, 0, 0), 45, 1, DiscStyle.I);
        assertPosition(DiscPosition.of(0, 0, 100, 0), 315, 1, DiscStyle.S);
        assertPosition(DiscPosition.of(0, 0, 0, 100), 225, 1, DiscStyle.C);
    }

    @Test
    void equalScoresOrNoneSitInTheCentre() {
        DiscPosition equal = DiscPosition.of(60, 60, 60, 60);
        assertThat(equal.radius()).isCloseTo(0, within(1e-9));
        assertThat(equal.quadrant()).isNull();
        assertThat(DiscPosition.of(0, 0, 0, 0).radius()).isZero();
    }

    @Test
    void twoNeighboursPullTheDotOntoTheirSharedAxis() {
        DiscPosition outgoing = DiscPosition.of(80, 80, 0, 0); // D and i: fast-paced, straight up
        assertThat(outgoing.x()).isCloseTo(0, within(1e-9));
        assertThat(outgoing.angle()).isCloseTo(90, within(1e-9));
        assertThat(outgoing.radius()).isCloseTo(Math.sqrt(0.5), within(1e-9));
    }

    @Test
    void aMixedProfileLandsInTheStrongestStylesQuadrantInsideTheCircle() {
        // the fixture: D 35, i 25, S 55, C 78 → task-oriented and reserved: the C quadrant
        DiscPosition fixture = DiscPosition.of(35, 25, 55, 78);
        assertThat(fixture.quadrant()).isEqualTo(DiscStyle.C);
        assertThat(fixture.x()).isNegative();
        assertThat(fixture.y()).isNegative();
        assertThat(fixture.radius()).isBetween(0.1, 0.5);
        // never outside the circle, whatever the scores
        for (int d = 0; d <= 100; d += 25) {
            for (int i = 0; i <= 100; i += 25) {
                for (int s = 0; s <= 100; s += 25) {
                    for (int c = 0; c <= 100; c += 25) {
                        assertThat(DiscPosition.of(d, i, s, c).radius()).isLessThanOrEqualTo(1.0 + 1e-9);
                    }
                }
            }
        }
    }

    private static void assertPosition(DiscPosition position, double angle, double radius, DiscStyle quadrant) {
        assertThat(position.angle()).isCloseTo(angle, within(1e-9));
        assertThat(position.radius()).isCloseTo(radius, within(1e-9));
        assertThat(position.quadrant()).isEqualTo(quadrant);
    }
}
