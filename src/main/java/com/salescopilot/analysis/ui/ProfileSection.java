package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.BigFive;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.ClientDna;
import com.salescopilot.analysis.CommunicationStyle;
import com.salescopilot.analysis.Disc;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.EvidenceCheck;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.SchwartzValues;
import com.salescopilot.analysis.StyleScore;
import com.salescopilot.analysis.TraitScore;
import com.salescopilot.analysis.ValueScore;
import com.salescopilot.base.ui.charts.EChart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The psychometric dashboard: Big Five (radar of the scores, a bar per trait whose length and strength
 * show the confidence, a click on a trait shows its rationale, the verified evidence and the sales
 * advice), the DISC map, the Schwartz values circle with the top three, and the Client DNA. A weak
 * profile says so and is drawn fainter.
 */
final class ProfileSection extends Div {

    /** Below this displayed confidence a trait's bar is drawn faint (and labelled low). */
    static final int LOW_CONFIDENCE = 40;

    private final PanelBits bits;
    private final EvidenceCheck evidence;
    final Map<BigFiveTrait, Div> traitRows = new EnumMap<>(BigFiveTrait.class);
    final Div traitDetails = new Div();
    EChart bigFiveChart;
    EChart discChart;
    EChart schwartzChart;
    private BigFiveTrait selected;
    private BigFive bigFive;

    ProfileSection(PanelBits bits, AnalysisResult result, EvidenceCheck evidence, boolean weak) {
        this.bits = bits;
        this.evidence = evidence;
        setId("analysis-profile");
        addClassName("analysis-tab-content");
        setClassName("weak-profile", weak);
        if (weak) {
            Div note = new Div(PanelBits.text("analysis-weak-profile", bits.t("analysis.weak-profile")));
            note.addClassName("analysis-weak-note");
            add(note);
        }
        if (result.bigFive() != null) {
            bigFive(result.bigFive());
        }
        if (result.disc() != null) {
            disc(result.disc());
        }
        if (result.schwartzValues() != null) {
            schwartz(result.schwartzValues());
        }
        if (result.clientDna() != null) {
            add(bits.subheading("analysis.section.dna"), clientDna(result.clientDna()));
        }
    }

    // ---- Big Five ------------------------------------------------------------------------------------

    private void bigFive(BigFive bigFive) {
        this.bigFive = bigFive;
        add(bits.subheading("analysis.big-five"));
        bigFiveChart = bits.chart("chart-big-five", "230px");
        bigFiveChart.setOption(AnalysisCharts.bigFiveRadar(bigFive, bits.tr()));
        bigFiveChart.setTextAlternative(bits.t("analysis.big-five") + ": " + java.util.Arrays.stream(BigFiveTrait.values())
                .filter(t -> bigFive.get(t) != null)
                .map(t -> bits.t("analysis.trait." + t.code()) + " " + bigFive.get(t).score() + "/100")
                .collect(Collectors.joining(", ")));
        Div rows = new Div();
        rows.addClassName("trait-rows");
        rows.setId("analysis-big-five");
        Span legend = new Span(bits.t("analysis.trait.legend"));
        legend.addClassName("analysis-note");
        rows.add(legend);
        for (BigFiveTrait trait : BigFiveTrait.values()) {
            TraitScore score = bigFive.get(trait);
            if (score == null) {
                continue;
            }
            Div row = traitRow(trait, score);
            traitRows.put(trait, row);
            rows.add(row);
        }
        Div block = new Div(bigFiveChart, rows);
        block.addClassName("profile-block");
        add(block);
        traitDetails.setId("analysis-trait-details");
        traitDetails.addClassName("trait-details");
        traitDetails.getElement().setAttribute("aria-live", "polite");
        add(traitDetails);
    }

    private Div traitRow(BigFiveTrait trait, TraitScore score) {
        int shown = evidence.displayedConfidence(trait, score.confidence());
        int unverified = evidence.unverified(trait).size();
        Span name = new Span(bits.t("analysis.trait." + trait.code()));
        name.addClassName("trait-name");
        Span value = new Span(String.valueOf(score.score()));
        value.addClassName("trait-score");
        Div fill = new Div();
        fill.addClassName("confidence-fill");
        fill.getStyle().set("width", Math.max(2, shown) + "%");
        // low confidence is visibly fainter: opacity 0.25 at 0 % … 1 at 100 %
        fill.getStyle().set("opacity", String.format(java.util.Locale.ROOT, "%.2f", 0.25 + 0.75 * shown / 100.0));
        Div bar = new Div(fill);
        bar.addClassName("confidence-bar");
        Span confidence = new Span(unverified == 0 ? bits.t("analysis.trait.confidence", shown)
                : bits.t("analysis.trait.confidence-lowered", shown, score.confidence(), unverified));
        confidence.addClassName("trait-confidence");
        Div row = new Div(name, value, bar, confidence);
        row.addClassName("trait-row");
        row.setClassName("low-confidence", shown < LOW_CONFIDENCE);
        row.setClassName("has-unverified", unverified > 0);
        row.setId("trait-" + trait.code());
        row.getElement().setAttribute("role", "button");
        row.getElement().setAttribute("tabindex", "0");
        row.getElement().setAttribute("aria-expanded", "false");
        row.getElement().setAttribute("title", score.rationale().isBlank() ? bits.t("analysis.trait.hint")
                : score.rationale() + " — " + bits.t("analysis.trait.hint"));
        row.getElement().setAttribute("aria-label", bits.t("analysis.trait.aria", bits.t("analysis.trait." + trait.code()),
                score.score(), shown));
        row.addClickListener(e -> select(trait));
        row.getElement().addEventListener("keydown", e -> select(trait)).setFilter("event.key === 'Enter' || event.key === ' '");
        return row;
    }

    /** Shows the trait's rationale, verified evidence, unverified quotes (marked) and sales advice. */
    void select(BigFiveTrait trait) {
        TraitScore score = bigFive == null ? null : bigFive.get(trait);
        if (score == null) {
            return;
        }
        selected = trait;
        traitRows.forEach((t, row) -> {
            row.setClassName("selected", t == trait);
            row.getElement().setAttribute("aria-expanded", String.valueOf(t == trait));
        });
        traitDetails.removeAll();
        Span title = new Span(bits.t("analysis.trait.details-title", bits.t("analysis.trait." + trait.code()),
                score.score()));
        title.addClassName("trait-details-title");
        traitDetails.add(title);
        if (!score.rationale().isBlank()) {
            traitDetails.add(bits.field("analysis.rationale", PanelBits.text("trait-rationale", score.rationale())));
        }
        List<String> verified = evidence.verified(trait);
        UnorderedList quotes = PanelBits.compactList("trait-evidence");
        quotes.addClassName("evidence-quotes");
        verified.forEach(q -> quotes.add(PanelBits.item("„" + q + "”")));
        if (verified.isEmpty()) {
            Span none = PanelBits.text(null, bits.t("analysis.evidence.none"));
            none.addClassName("analysis-note");
            traitDetails.add(bits.field("analysis.evidence", none));
        } else {
            traitDetails.add(bits.field("analysis.evidence", quotes));
        }
        List<String> unverified = evidence.unverified(trait);
        if (!unverified.isEmpty()) {
            UnorderedList marked = PanelBits.compactList("trait-unverified");
            marked.addClassName("unverified-quotes");
            for (String q : unverified) {
                Span badge = new Span(bits.t("analysis.evidence.unverified"));
                badge.addClassName("unverified-badge");
                Span text = PanelBits.text(null, q);
                text.addClassName("unverified-text");
                marked.add(new ListItem(badge, text));
            }
            Span why = PanelBits.text(null, bits.t("analysis.evidence.unverified-note",
                    score.confidence(), evidence.displayedConfidence(trait, score.confidence())));
            why.addClassName("analysis-note");
            traitDetails.add(bits.field("analysis.evidence.unverified-title", new Div(marked, why)));
        }
        if (!score.strategy().isBlank()) {
            Div advice = bits.field("analysis.trait.advice", PanelBits.text("trait-advice", score.strategy()));
            advice.addClassName("trait-advice");
            traitDetails.add(advice);
        }
    }

    BigFiveTrait selected() {
        return selected;
    }

    // ---- DISC ----------------------------------------------------------------------------------------

    private void disc(Disc disc) {
        add(bits.subheading("analysis.disc"));
        Span note = PanelBits.text("analysis-disc-note", bits.t("analysis.disc.note"));
        note.addClassName("analysis-note");
        add(note);
        Div row = new Div();
        row.addClassName("disc-row");
        discChart = bits.chart("chart-disc", "200px");
        discChart.setOption(AnalysisCharts.discMap(disc, bits.tr()));
        DiscStyle primary = disc.primaryStyle() != null ? disc.primaryStyle() : disc.strongestStyle();
        discChart.setTextAlternative(bits.t("analysis.disc.aria", java.util.Arrays.stream(DiscStyle.values())
                .filter(s -> disc.get(s) != null)
                .map(s -> bits.t("analysis.disc." + s.dimension()) + " " + disc.get(s).score())
                .collect(Collectors.joining(", ")), primary == null ? "-" : bits.t("analysis.disc." + primary.dimension())));
        Div side = new Div();
        side.addClassName("disc-side");
        UnorderedList scores = PanelBits.compactList("analysis-disc");
        for (DiscStyle style : DiscStyle.values()) {
            StyleScore score = disc.get(style);
            if (score != null) {
                ListItem li = PanelBits.item(bits.t("analysis.disc.score", AnalysisCharts.letter(style) + " · "
                        + bits.t("analysis.disc." + style.dimension()), score.score()));
                li.getElement().setAttribute("title", score.rationale());
                scores.add(li);
            }
        }
        side.add(scores);
        if (primary != null) {
            side.add(PanelBits.text("analysis-disc-primary", bits.t("analysis.disc.primary",
                    bits.t("analysis.disc." + primary.dimension()))));
            StyleScore primaryScore = disc.get(primary);
            if (primaryScore != null && !primaryScore.strategy().isBlank()) {
                side.add(bits.field("analysis.disc.how-to-sell", PanelBits.text("analysis-disc-strategy",
                        primaryScore.strategy())));
            }
        }
        row.add(discChart, side);
        add(row);
    }

    // ---- Schwartz ------------------------------------------------------------------------------------

    private void schwartz(SchwartzValues values) {
        add(bits.subheading("analysis.schwartz"));
        schwartzChart = bits.chart("chart-schwartz", "230px");
        schwartzChart.setOption(AnalysisCharts.schwartzRadar(values, bits.tr()));
        schwartzChart.setTextAlternative(bits.t("analysis.schwartz") + ": " + values.inCircleOrder().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> bits.t("analysis.value." + e.getKey().code()) + " " + e.getValue().relevance())
                .collect(Collectors.joining(", ")));
        List<SchwartzValue> top = values.topValues().isEmpty() ? values.mostRelevant(3) : values.topValues();
        UnorderedList list = new UnorderedList();
        list.setId("analysis-schwartz-top");
        list.addClassName("analysis-list");
        for (SchwartzValue value : top.stream().limit(AnalysisResult.MAX_TOP_VALUES).toList()) {
            ValueScore score = values.get(value);
            ListItem li = new ListItem();
            Span name = new Span(bits.t("analysis.value." + value.code())
                    + (score == null ? "" : " (" + score.relevance() + ")"));
            name.addClassName("value-name");
            li.add(name);
            if (score != null && !score.strategy().isBlank()) {
                li.add(PanelBits.text(null, " — " + score.strategy()));
            }
            list.add(li);
        }
        Div block = new Div(schwartzChart, new Div(bits.label("analysis.schwartz.top-title"), list));
        block.addClassName("profile-block");
        add(block);
    }

    // ---- Client DNA ----------------------------------------------------------------------------------

    private Div clientDna(ClientDna dna) {
        Div body = new Div();
        body.setId("analysis-dna");
        if (!dna.summary().isBlank()) {
            body.add(bits.field("analysis.dna.summary", PanelBits.text("analysis-dna-summary", dna.summary())));
        }
        if (!dna.mainDrive().isBlank()) {
            body.add(bits.field("analysis.dna.drive", PanelBits.text("analysis-dna-drive", dna.mainDrive())));
        }
        CommunicationStyle style = dna.communicationStyle();
        if (style != null) {
            UnorderedList list = PanelBits.compactList("analysis-dna-style");
            addIfPresent(list, "analysis.dna.approach", style.approach());
            addIfPresent(list, "analysis.dna.tone", style.tone());
            addIfPresent(list, "analysis.dna.pace", style.pace());
            addIfPresent(list, "analysis.dna.density", style.informationDensity());
            if (list.getChildren().findAny().isPresent()) {
                body.add(bits.label("analysis.dna.style"), list);
            }
        }
        body.add(bits.plainList("analysis.dna.levers", "analysis-dna-levers", dna.keyLevers()));
        body.add(bits.plainList("analysis.dna.red-flags", "analysis-dna-red-flags", dna.redFlags()));
        body.add(bits.plainList("analysis.dna.missing", "analysis-dna-missing", dna.missingInformation()));
        return body;
    }

    private void addIfPresent(UnorderedList list, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            list.add(PanelBits.item(bits.t(labelKey) + ": " + value));
        }
    }
}
