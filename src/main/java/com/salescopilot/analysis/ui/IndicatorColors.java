package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.TemperatureBand;
import com.salescopilot.base.ui.charts.LumoColor;

/**
 * The colours of the indicator bands, as Lumo tokens (charts) and CSS class names (components):
 * temperature cold = blue (Lumo primary), warm = amber (warning), hot = red (error); churn risk low =
 * green (success), medium = amber, high = red.
 */
final class IndicatorColors {

    private IndicatorColors() {
    }

    static String temperature(TemperatureBand band) {
        return switch (band) {
            case COLD -> LumoColor.PRIMARY;
            case WARM -> LumoColor.WARNING;
            case HOT -> LumoColor.ERROR;
        };
    }

    static String churn(RiskLevel level) {
        return switch (level) {
            case LOW -> LumoColor.SUCCESS;
            case MEDIUM -> LumoColor.WARNING;
            case HIGH -> LumoColor.ERROR;
        };
    }

    /** {@code band-cold}, {@code band-warm}, {@code band-hot}. */
    static String temperatureClass(TemperatureBand band) {
        return "band-" + band.code();
    }

    /** {@code level-low}, {@code level-medium}, {@code level-high}. */
    static String churnClass(RiskLevel level) {
        return "level-" + level.code();
    }
}
