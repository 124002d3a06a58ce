package com.salescopilot.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.TemperatureBand;
import com.salescopilot.base.ui.charts.LumoColor;
import org.junit.jupiter.api.Test;

/** The band colours: cold < 34 ≤ warm < 67 ≤ hot, and churn low/medium/high (high = red). */
class IndicatorColorsTest {

    @Test
    void temperatureBandsAndTheirColoursFollowTheScoreAtTheEdges() {
        assertThat(IndicatorColors.temperature(TemperatureBand.of(0))).isEqualTo(LumoColor.PRIMARY);
        assertThat(IndicatorColors.temperature(TemperatureBand.of(33))).isEqualTo(LumoColor.PRIMARY);
        assertThat(IndicatorColors.temperature(TemperatureBand.of(34))).isEqualTo(LumoColor.WARNING);
        assertThat(IndicatorColors.temperature(TemperatureBand.of(66))).isEqualTo(LumoColor.WARNING);
        assertThat(IndicatorColors.temperature(TemperatureBand.of(67))).isEqualTo(LumoColor.ERROR);
        assertThat(IndicatorColors.temperature(TemperatureBand.of(100))).isEqualTo(LumoColor.ERROR);
        assertThat(IndicatorColors.temperatureClass(TemperatureBand.of(50))).isEqualTo("band-warm");
    }

    @Test
    void churnLevelsAndTheirColours() {
        assertThat(IndicatorColors.churn(RiskLevel.of(33))).isEqualTo(LumoColor.SUCCESS);
        assertThat(IndicatorColors.churn(RiskLevel.of(34))).isEqualTo(LumoColor.WARNING);
        assertThat(IndicatorColors.churn(RiskLevel.of(67))).isEqualTo(LumoColor.ERROR);
        assertThat(IndicatorColors.churnClass(RiskLevel.HIGH)).isEqualTo("level-high");
    }

    @Test
    void theGaugeDrawsItsBandsWhereTheBandsChange() {
        String gauge = AnalysisCharts.temperatureGauge(
                com.salescopilot.analysis.ai.AnalysisFixtures.fullResult().indicators().purchaseTemperature(),
                (key, params) -> key).toJson();
        assertThat(gauge).contains("[[0.34,\"var(--lumo-primary-color)\"],[0.67,\"var(--lumo-warning-color)\"],"
                + "[1,\"var(--lumo-error-color)\"]]");
        assertThat(gauge).contains("\"color\":\"var(--lumo-warning-color)\""); // the value in its band's colour
    }
}
