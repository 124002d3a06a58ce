package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.Suggestion;
import com.salescopilot.base.ui.charts.EChart;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Map;

/**
 * What the analysis panels share: the translation function, the votes of the shown analysis, and small
 * builders. Model text always goes in as text ({@code setText}), never as HTML.
 */
final class PanelBits {

    final Component owner;
    final CockpitParts parts;
    final Actor actor;
    final long interactionId;
    final Map<String, Integer> votes;
    final Map<String, Suggestion> items;

    PanelBits(Component owner, CockpitParts parts, Actor actor, long interactionId, Map<String, Integer> votes,
              Map<String, Suggestion> items) {
        this.owner = owner;
        this.parts = parts;
        this.actor = actor;
        this.interactionId = interactionId;
        this.votes = votes;
        this.items = items;
    }

    String t(String key, Object... params) {
        return owner.getTranslation(key, params);
    }

    AnalysisCharts.Tr tr() {
        return this::t;
    }

    VoteButtons votes(String suggestionId) {
        return new VoteButtons(parts.votes(), actor, interactionId, suggestionId, votes.get(suggestionId));
    }

    /** A text with 👍/👎 when it is a suggestion of the analysis. */
    Div voted(String id, String suggestionId, String value) {
        Span text = text(id, value);
        text.addClassName("analysis-suggestion-text");
        Div row = new Div(text);
        row.addClassName("analysis-suggestion");
        if (suggestionId != null && items.containsKey(suggestionId)) {
            row.add(votes(suggestionId));
        }
        return row;
    }

    /** A list of suggestions of one kind with 👍/👎 each; empty when there are none. */
    Div votedList(String labelKey, String id, List<Suggestion> suggestions) {
        Div block = new Div();
        if (suggestions.isEmpty()) {
            return block;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("analysis-list");
        for (Suggestion s : suggestions) {
            Span text = text(null, s.text());
            text.addClassName("analysis-suggestion-text");
            ListItem li = new ListItem(text, votes(s.id()));
            li.addClassName("analysis-suggestion");
            list.add(li);
        }
        block.add(subheading(labelKey), list);
        return block;
    }

    Div plainList(String labelKey, String id, List<String> texts) {
        Div block = new Div();
        List<String> shown = texts.stream().filter(t -> t != null && !t.isBlank()).toList();
        if (shown.isEmpty()) {
            return block;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("analysis-list");
        shown.forEach(t -> list.add(item(t)));
        block.add(subheading(labelKey), list);
        return block;
    }

    Div field(String labelKey, Component value) {
        Div field = new Div(label(labelKey), value);
        field.addClassName("analysis-field");
        return field;
    }

    Span label(String key) {
        Span label = new Span(t(key));
        label.addClassName("analysis-label");
        return label;
    }

    H4 subheading(String key) {
        H4 h = new H4(t(key));
        h.addClassName("analysis-subheading");
        return h;
    }

    /** "Why? · strategy · confidence" on demand. */
    Details onDemand(String id, String rationale, String strategy, Integer confidence) {
        Div body = new Div();
        if (rationale != null && !rationale.isBlank()) {
            body.add(field("analysis.rationale", text(null, rationale)));
        }
        if (strategy != null && !strategy.isBlank()) {
            body.add(field("analysis.strategy", text(null, strategy)));
        }
        if (confidence != null) {
            body.add(field("analysis.indicator-confidence", text(null, t("analysis.percent", confidence))));
        }
        Details details = new Details(t("analysis.why"), body);
        details.setId(id);
        details.addClassName("analysis-why");
        return details;
    }

    EChart chart(String id, String height) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setHeight(height);
        chart.setWidthFull();
        return chart;
    }

    static ListItem item(String text) {
        ListItem li = new ListItem();
        li.setText(text);
        return li;
    }

    static UnorderedList compactList(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassNames("analysis-list", "analysis-compact");
        return list;
    }

    /** Model text always goes in as text, never as HTML. */
    static Span text(String id, String value) {
        Span span = new Span();
        span.setText(value == null ? "" : value);
        if (id != null) {
            span.setId(id);
        }
        span.addClassName("analysis-text");
        return span;
    }
}
