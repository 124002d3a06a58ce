package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.ObjectionHandler;
import com.salescopilot.analysis.Playbook;
import com.salescopilot.analysis.Strategy;
import com.salescopilot.analysis.Suggestion;
import com.salescopilot.analysis.SuggestionIds;
import com.salescopilot.analysis.SuggestionKind;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The strategy: archetype (one of the playbook's, with its description) with confidence and the
 * runner-up, main analysis, strategic notes, suggested actions, buy and risk signals, objection
 * handlers and follow-up timing, each with 👍/👎. The next best action is shown above the tabs. The
 * top of this section ({@link #basedOn}) is kept for the knowledge that the analysis was based on.
 */
final class StrategySection extends Div {

    /** Where the "based on" knowledge chips go (issue 5); empty until then. */
    final Div basedOn = new Div();

    StrategySection(PanelBits bits, Strategy strategy, Playbook playbook) {
        setId("analysis-strategy");
        addClassName("analysis-tab-content");
        basedOn.setId("analysis-based-on");
        basedOn.addClassName("analysis-based-on");
        add(basedOn);

        if (!strategy.archetype().isBlank()) {
            Div archetype = new Div();
            archetype.addClassName("archetype-card");
            Div head = bits.voted("analysis-archetype", SuggestionIds.ARCHETYPE,
                    bits.t("analysis.archetype.value", strategy.archetype(), strategy.archetypeConfidence()));
            archetype.add(bits.label("analysis.archetype"), head);
            Div bar = new Div();
            bar.addClassName("confidence-bar");
            Div fill = new Div();
            fill.addClassName("confidence-fill");
            fill.getStyle().set("width", Math.max(2, Math.min(100, strategy.archetypeConfidence())) + "%");
            bar.add(fill);
            archetype.add(bar);
            if (playbook != null) {
                playbook.archetype(strategy.archetype()).filter(a -> !a.description().isBlank()).ifPresent(a -> {
                    Span description = PanelBits.text("analysis-archetype-description", a.description());
                    description.addClassName("analysis-note");
                    archetype.add(description);
                });
            }
            if (!strategy.runnerUpArchetype().isBlank()) {
                Span runnerUp = PanelBits.text("analysis-archetype-runner-up",
                        bits.t("analysis.archetype.runner-up", strategy.runnerUpArchetype()));
                runnerUp.addClassName("analysis-note");
                archetype.add(runnerUp);
            }
            add(archetype);
        }
        if (!strategy.mainAnalysis().isBlank()) {
            add(bits.field("analysis.main", bits.voted("analysis-main", SuggestionIds.MAIN_ANALYSIS,
                    strategy.mainAnalysis())));
        }
        add(bits.votedList("analysis.strategic-notes", "analysis-strategic-notes", of(bits, SuggestionKind.STRATEGIC_NOTE)));
        add(bits.votedList("analysis.suggested-actions", "analysis-suggested-actions",
                of(bits, SuggestionKind.SUGGESTED_ACTION)));
        Div signals = new Div();
        signals.addClassName("signal-columns");
        Div buy = bits.votedList("analysis.buy-signals", "analysis-buy-signals", of(bits, SuggestionKind.BUY_SIGNAL));
        buy.addClassName("buy-signals");
        Div risk = bits.votedList("analysis.risk-signals", "analysis-risk-signals", of(bits, SuggestionKind.RISK_SIGNAL));
        risk.addClassName("risk-signals");
        signals.add(buy, risk);
        add(signals);
        add(objectionHandlers(bits, strategy.objectionHandlers()));
        if (!strategy.followUpTiming().isBlank()) {
            add(bits.field("analysis.follow-up", bits.voted("analysis-follow-up", SuggestionIds.FOLLOW_UP_TIMING,
                    strategy.followUpTiming())));
        }
    }

    private static List<Suggestion> of(PanelBits bits, SuggestionKind kind) {
        return bits.items.values().stream().filter(s -> s.kind() == kind).toList();
    }

    private static Div objectionHandlers(PanelBits bits, List<ObjectionHandler> handlers) {
        Div block = new Div();
        UnorderedList list = new UnorderedList();
        list.setId("analysis-objection-handlers");
        list.addClassName("analysis-list");
        for (int i = 0; i < handlers.size(); i++) {
            String id = SuggestionIds.objectionHandler(i + 1);
            if (!bits.items.containsKey(id)) {
                continue; // blank
            }
            ObjectionHandler handler = handlers.get(i);
            ListItem li = new ListItem();
            li.addClassName("analysis-suggestion");
            Div content = new Div();
            content.addClassName("analysis-suggestion-text");
            if (!handler.objection().isBlank()) {
                Span objection = PanelBits.text(null, handler.objection());
                objection.addClassName("analysis-objection");
                content.add(objection);
            }
            Span response = PanelBits.text(null, handler.response().isBlank() ? bits.items.get(id).text()
                    : handler.response());
            response.addClassName("analysis-response");
            content.add(response);
            li.add(content, bits.votes(id));
            list.add(li);
        }
        if (list.getChildren().findAny().isPresent()) {
            block.add(bits.subheading("analysis.objection-handlers"), list);
        }
        return block;
    }
}
