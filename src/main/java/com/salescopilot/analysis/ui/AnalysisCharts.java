package com.salescopilot.analysis.ui;

import static com.salescopilot.base.ui.charts.ChartOption.list;
import static com.salescopilot.base.ui.charts.ChartOption.obj;
import static com.salescopilot.base.ui.charts.ChartOption.of;

import com.salescopilot.analysis.BigFive;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.Disc;
import com.salescopilot.analysis.DiscPosition;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.PurchaseTemperature;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.SchwartzValues;
import com.salescopilot.analysis.StyleScore;
import com.salescopilot.analysis.TemperatureBand;
import com.salescopilot.analysis.TraitScore;
import com.salescopilot.analysis.TrendPoint;
import com.salescopilot.analysis.ValueScore;
import com.salescopilot.base.ui.charts.ChartOption;
import com.salescopilot.base.ui.charts.LumoColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ECharts options of the analysis panels, built from the analysis records, with translated labels
 * (axes, legends and tooltips in the user's language) and Lumo colours. Tooltips are drawn on the
 * canvas ({@code renderMode: richText}) and carry only the app's own labels and numbers: model text
 * (rationales, strategies) is shown in components, as text.
 */
final class AnalysisCharts {

    /** The translation function of the component that shows the chart. */
    @FunctionalInterface
    interface Tr {
        String t(String key, Object... params);
    }

    private AnalysisCharts() {
    }

    static ChartOption tooltip(String trigger) {
        return of("trigger", trigger).put("renderMode", "richText").put("confine", true);
    }

    /** Big Five radar: the five scores 0–100. */
    static ChartOption bigFiveRadar(BigFive bigFive, Tr tr) {
        List<Object> indicators = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (BigFiveTrait trait : BigFiveTrait.values()) {
            TraitScore score = bigFive.get(trait);
            indicators.add(of("name", tr.t("analysis.trait." + trait.code())).put("max", 100));
            values.add(score == null ? 0 : score.score());
        }
        return obj()
                .put("tooltip", tooltip("item"))
                .put("radar", radar(indicators, "66%"))
                .put("series", list(of("type", "radar").put("name", tr.t("analysis.big-five"))
                        .put("symbolSize", 5)
                        .put("lineStyle", of("color", LumoColor.PRIMARY).put("width", 2))
                        .put("itemStyle", of("color", LumoColor.PRIMARY))
                        .put("areaStyle", of("color", LumoColor.withAlpha(LumoColor.PRIMARY, 0.25)))
                        .put("data", list(of("value", values).put("name", tr.t("analysis.chart.score"))))));
    }

    /** Schwartz values: the ten relevances in circle order as a radar. */
    static ChartOption schwartzRadar(SchwartzValues values, Tr tr) {
        List<Object> indicators = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (SchwartzValue value : SchwartzValue.values()) {
            ValueScore score = values.get(value);
            indicators.add(of("name", tr.t("analysis.value." + value.code())).put("max", 100));
            data.add(score == null ? 0 : score.relevance());
        }
        return obj()
                .put("tooltip", tooltip("item"))
                .put("radar", radar(indicators, "62%"))
                .put("series", list(of("type", "radar").put("name", tr.t("analysis.schwartz"))
                        .put("symbolSize", 4)
                        .put("lineStyle", of("color", LumoColor.SUCCESS).put("width", 2))
                        .put("itemStyle", of("color", LumoColor.SUCCESS))
                        .put("areaStyle", of("color", LumoColor.withAlpha(LumoColor.SUCCESS, 0.22)))
                        .put("data", list(of("value", data).put("name", tr.t("analysis.chart.relevance"))))));
    }

    private static ChartOption radar(List<Object> indicators, String radius) {
        return of("indicator", indicators)
                .put("radius", radius)
                .put("center", list("50%", "54%"))
                .put("splitNumber", 4)
                .put("axisName", of("color", LumoColor.SECONDARY_TEXT).put("fontSize", 11))
                .put("splitLine", of("lineStyle", of("color", LumoColor.CONTRAST_20)))
                .put("splitArea", of("show", false))
                .put("axisLine", of("lineStyle", of("color", LumoColor.CONTRAST_20)));
    }

    /**
     * The DISC map: a circle of four quadrants (D top left, i top right, S bottom right, C bottom left,
     * drawn as a pie in the background) and the client's dot placed by {@link DiscPosition} in polar
     * coordinates on top.
     */
    static ChartOption discMap(Disc disc, Tr tr) {
        DiscPosition position = DiscPosition.of(disc);
        DiscStyle primary = disc.primaryStyle() != null ? disc.primaryStyle() : position.quadrant();
        // the pie starts at 12 o'clock and runs clockwise: i (top right), S, C, D
        List<Object> quadrants = new ArrayList<>();
        for (DiscStyle style : List.of(DiscStyle.I, DiscStyle.S, DiscStyle.C, DiscStyle.D)) {
            StyleScore score = disc.get(style);
            String color = switch (style) {
                case D -> LumoColor.ERROR;
                case I -> LumoColor.WARNING;
                case S -> LumoColor.SUCCESS;
                case C -> LumoColor.PRIMARY;
            };
            quadrants.add(of("value", 1)
                    .put("name", letter(style))
                    .put("itemStyle", of("color", LumoColor.withAlpha(color, style == primary ? 0.30 : 0.12))
                            .put("borderColor", LumoColor.BASE).put("borderWidth", 2)));
        }
        return obj()
                .put("tooltip", tooltip("item"))
                .put("polar", of("radius", "82%").put("center", list("50%", "50%")))
                .put("angleAxis", of("type", "value").put("min", 0).put("max", 360).put("startAngle", 0)
                        .put("clockwise", false).put("show", false))
                .put("radiusAxis", of("type", "value").put("min", 0).put("max", 1).put("show", false))
                .put("series", list(
                        of("type", "pie").put("radius", list(0, "82%")).put("center", list("50%", "50%"))
                                .put("startAngle", 90).put("clockwise", true).put("silent", true)
                                .put("z", 1)
                                .put("label", of("position", "inside").put("fontSize", 20).put("fontWeight", "bold")
                                        .put("color", LumoColor.SECONDARY_TEXT))
                                .put("labelLine", of("show", false))
                                .put("data", quadrants),
                        of("type", "scatter").put("coordinateSystem", "polar").put("z", 5)
                                .put("name", tr.t("analysis.disc.position"))
                                .put("symbolSize", 16)
                                .put("itemStyle", of("color", LumoColor.BODY_TEXT).put("borderColor", LumoColor.BASE)
                                        .put("borderWidth", 2))
                                .put("data", list(of("value", list(round(position.radius()), round(position.angle())))
                                        .put("name", tr.t("analysis.disc.client-here"))))));
    }

    static String letter(DiscStyle style) {
        return style == DiscStyle.I ? "i" : style.name();
    }

    /** Purchase temperature: a gauge 0–100 with the cold, warm and hot bands in their colours. */
    static ChartOption temperatureGauge(PurchaseTemperature temperature, Tr tr) {
        TemperatureBand band = temperature.derivedBand();
        double warm = TemperatureBand.WARM_FROM / 100.0;
        double hot = TemperatureBand.HOT_FROM / 100.0;
        return obj()
                .put("series", list(of("type", "gauge").put("min", 0).put("max", 100).put("splitNumber", 4)
                        .put("radius", "112%").put("center", list("50%", "64%"))
                        .put("startAngle", 200).put("endAngle", -20)
                        .put("axisLine", of("lineStyle", of("width", 12).put("color", list(
                                list(warm, IndicatorColors.temperature(TemperatureBand.COLD)),
                                list(hot, IndicatorColors.temperature(TemperatureBand.WARM)),
                                list(1, IndicatorColors.temperature(TemperatureBand.HOT))))))
                        .put("pointer", of("width", 4).put("length", "52%")
                                .put("itemStyle", of("color", LumoColor.BODY_TEXT)))
                        .put("anchor", of("show", true).put("size", 8)
                                .put("itemStyle", of("color", LumoColor.BODY_TEXT)))
                        .put("axisTick", of("show", false))
                        .put("splitLine", of("length", 12).put("distance", -12)
                                .put("lineStyle", of("color", LumoColor.BASE).put("width", 2)))
                        .put("axisLabel", of("distance", 16).put("fontSize", 10).put("color", LumoColor.SECONDARY_TEXT))
                        .put("title", of("show", false))
                        .put("detail", of("valueAnimation", false).put("offsetCenter", list(0, "32%"))
                                .put("fontSize", 22).put("fontWeight", "bold")
                                .put("color", IndicatorColors.temperature(band)))
                        .put("data", list(of("value", clamp(temperature.score()))
                                .put("name", tr.t("analysis.band." + band.code()))))));
    }

    /** Temperature, churn risk and probability across the session's interactions. */
    static ChartOption trends(List<TrendPoint> points, Tr tr) {
        List<Object> categories = new ArrayList<>();
        List<Object> temperature = new ArrayList<>();
        List<Object> churn = new ArrayList<>();
        List<Object> probability = new ArrayList<>();
        for (TrendPoint point : points) {
            categories.add("#" + point.interactionNumber());
            temperature.add(point.temperature() == null ? "-" : point.temperature());
            churn.add(point.churnRisk() == null ? "-" : point.churnRisk());
            probability.add(point.probability() == null ? "-" : point.probability());
        }
        return obj()
                .put("tooltip", tooltip("axis"))
                .put("legend", of("top", 0).put("itemWidth", 14).put("textStyle", of("fontSize", 11)))
                .put("grid", of("left", 34).put("right", 12).put("top", 30).put("bottom", 34))
                .put("xAxis", of("type", "category").put("boundaryGap", false).put("data", categories)
                        .put("name", tr.t("analysis.trend.x-axis")).put("nameLocation", "middle").put("nameGap", 22)
                        .put("axisLine", of("lineStyle", of("color", LumoColor.CONTRAST_50))))
                .put("yAxis", of("type", "value").put("min", 0).put("max", 100).put("interval", 25)
                        .put("splitLine", of("lineStyle", of("color", LumoColor.CONTRAST_10))))
                .put("series", list(
                        line(tr.t("analysis.temperature"), temperature, LumoColor.ERROR),
                        line(tr.t("analysis.churn"), churn, LumoColor.WARNING),
                        line(tr.t("analysis.trend.probability"), probability, LumoColor.SUCCESS)));
    }

    private static ChartOption line(String name, List<Object> data, String color) {
        return of("type", "line").put("name", name).put("data", data).put("connectNulls", true)
                .put("symbolSize", 6).put("lineStyle", of("width", 2).put("color", color))
                .put("itemStyle", of("color", color));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String percent(int value) {
        return String.format(Locale.ROOT, "%d", value);
    }
}
