package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.BuyingStage;
import com.salescopilot.analysis.ChurnRisk;
import com.salescopilot.analysis.Indicators;
import com.salescopilot.analysis.JourneyStage;
import com.salescopilot.analysis.PurchaseTemperature;
import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.SalesPotential;
import com.salescopilot.analysis.TemperatureBand;
import com.salescopilot.analysis.TrendPoint;
import com.salescopilot.base.ui.charts.EChart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.text.NumberFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sales indicators: purchase temperature as a gauge with its cold/warm/hot bands, the customer
 * journey as a stepper with the progress through the current stage, churn risk with its level colour
 * and factors, the sales potential in the playbook's currency; each with rationale, strategy and
 * confidence on demand; and the trend of temperature, churn risk and probability across the session.
 */
final class IndicatorsSection extends Div {

    private final PanelBits bits;
    EChart temperatureChart;
    EChart trendChart;
    final Span temperatureBand = new Span();
    final Span churnLevel = new Span();

    IndicatorsSection(PanelBits bits, Indicators indicators, List<TrendPoint> trend) {
        this.bits = bits;
        setId("analysis-indicators");
        addClassName("analysis-tab-content");
        Div grid = new Div();
        grid.addClassName("indicator-grid");
        if (indicators.purchaseTemperature() != null) {
            grid.add(temperature(indicators.purchaseTemperature()));
        }
        if (indicators.churnRisk() != null) {
            grid.add(churn(indicators.churnRisk()));
        }
        add(grid);
        if (indicators.journeyStage() != null && indicators.journeyStage().stage() != null) {
            add(journey(indicators.journeyStage()));
        }
        if (indicators.salesPotential() != null) {
            add(potential(indicators.salesPotential()));
        }
        add(trend(trend));
    }

    private Div temperature(PurchaseTemperature temperature) {
        TemperatureBand band = temperature.derivedBand();
        Div card = card("indicator-temperature", "analysis.temperature");
        temperatureChart = bits.chart("chart-temperature", "170px");
        temperatureChart.setOption(AnalysisCharts.temperatureGauge(temperature, bits.tr()));
        temperatureChart.setTextAlternative(bits.t("analysis.temperature.aria", temperature.score(),
                bits.t("analysis.band." + band.code())));
        temperatureBand.setId("analysis-temperature");
        temperatureBand.setText(bits.t("analysis.temperature.value", temperature.score(),
                bits.t("analysis.band." + band.code())));
        temperatureBand.addClassNames("indicator-badge", IndicatorColors.temperatureClass(band));
        Span bands = new Span(bits.t("analysis.temperature.bands", TemperatureBand.WARM_FROM, TemperatureBand.HOT_FROM));
        bands.addClassName("analysis-note");
        card.add(temperatureChart, temperatureBand, bands, bits.onDemand("why-temperature", temperature.rationale(),
                temperature.strategy(), temperature.confidence()));
        return card;
    }

    private Div churn(ChurnRisk churn) {
        RiskLevel level = churn.derivedLevel();
        Div card = card("indicator-churn", "analysis.churn");
        churnLevel.setId("analysis-churn");
        churnLevel.setText(bits.t("analysis.churn.value", churn.score(), bits.t("analysis.level." + level.code())));
        churnLevel.addClassNames("indicator-badge", "indicator-big", IndicatorColors.churnClass(level));
        Div meter = new Div();
        meter.addClassNames("churn-meter", IndicatorColors.churnClass(level));
        Div fill = new Div();
        fill.addClassName("churn-fill");
        fill.getStyle().set("width", Math.max(0, Math.min(100, churn.score())) + "%");
        meter.add(fill);
        meter.getElement().setAttribute("role", "meter");
        meter.getElement().setAttribute("aria-valuemin", "0");
        meter.getElement().setAttribute("aria-valuemax", "100");
        meter.getElement().setAttribute("aria-valuenow", String.valueOf(churn.score()));
        meter.getElement().setAttribute("aria-label", bits.t("analysis.churn"));
        card.add(churnLevel, meter, bits.plainList("analysis.churn.factors", "analysis-churn-factors",
                churn.riskFactors()), bits.onDemand("why-churn", churn.rationale(), churn.strategy(), churn.confidence()));
        return card;
    }

    private Div journey(JourneyStage journey) {
        Div card = card("indicator-journey", "analysis.journey");
        OrderedList steps = new OrderedList();
        steps.setId("analysis-journey-steps");
        steps.addClassName("journey-steps");
        for (BuyingStage stage : BuyingStage.values()) {
            ListItem step = new ListItem();
            Span dot = new Span(String.valueOf(stage.step()));
            dot.addClassName("step-dot");
            Span name = new Span(bits.t("analysis.stage." + stage.code()));
            name.addClassName("step-name");
            step.add(dot, name);
            step.addClassName("journey-step");
            if (stage.ordinal() < journey.stage().ordinal()) {
                step.addClassName("done");
            } else if (stage == journey.stage()) {
                step.addClassName("current");
                step.getElement().setAttribute("aria-current", "step");
            }
            steps.add(step);
        }
        ProgressBar progress = new ProgressBar(0, 100, journeyBar(journey));
        progress.setId("analysis-journey-progress");
        progress.getElement().setAttribute("aria-label", bits.t("analysis.journey"));
        Span text = PanelBits.text("analysis-journey", bits.t("analysis.journey.value",
                bits.t("analysis.stage." + journey.stage().code()), journey.stage().step(), journey.progress()));
        card.add(steps, progress, text, bits.onDemand("why-journey", journey.rationale(), journey.strategy(),
                journey.confidence()));
        return card;
    }

    /**
     * Where the bar under the stepper ends: the steps' markers sit at 10, 30, 50, 70 and 90 % of its
     * width, so the bar reaches the current stage's marker plus the progress through that stage towards
     * the next one (evaluation at 40 % → 58 %).
     */
    static double journeyBar(JourneyStage journey) {
        int progress = Math.max(0, Math.min(100, journey.progress()));
        return Math.min(100, 10 + 20 * (journey.stage().step() - 1) + 20 * progress / 100.0);
    }

    private Div potential(SalesPotential potential) {
        Div card = card("indicator-potential", "analysis.potential");
        NumberFormat money = NumberFormat.getNumberInstance(getLocale());
        money.setMaximumFractionDigits(0);
        Span value = new Span(money.format(potential.value()) + " " + potential.currency());
        value.setId("analysis-potential-value");
        value.addClassName("indicator-big");
        Span rest = PanelBits.text("analysis-potential", bits.t("analysis.potential.details", potential.probability(),
                potential.timeframe().isBlank() ? "—" : potential.timeframe(),
                money.format(potential.expectedValue()) + " " + potential.currency()));
        card.add(value, rest, bits.onDemand("why-potential", potential.rationale(), potential.strategy(),
                potential.confidence()));
        return card;
    }

    private Div trend(List<TrendPoint> points) {
        Div card = card("indicator-trend", "analysis.trend");
        trendChart = bits.chart("chart-trends", "190px");
        trendChart.setOption(AnalysisCharts.trends(points, bits.tr()));
        trendChart.setTextAlternative(bits.t("analysis.trend.aria", points.stream()
                .map(p -> bits.t("analysis.trend.point", p.interactionNumber(), dash(p.temperature()), dash(p.churnRisk()),
                        dash(p.probability())))
                .collect(Collectors.joining("; "))));
        card.add(trendChart);
        if (points.size() < 2) {
            Span note = new Span(bits.t("analysis.trend.one-point"));
            note.addClassName("analysis-note");
            card.add(note);
        }
        return card;
    }

    private static String dash(Integer value) {
        return value == null ? "—" : String.valueOf(value);
    }

    private Div card(String id, String titleKey) {
        Div card = new Div(bits.subheading(titleKey));
        card.setId(id);
        card.addClassName("indicator-card");
        return card;
    }
}
