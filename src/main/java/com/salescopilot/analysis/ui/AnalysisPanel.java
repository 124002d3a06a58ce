package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.AnalysisState;
import com.salescopilot.analysis.AnalysisStatus;
import com.salescopilot.analysis.BigFive;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.ChurnRisk;
import com.salescopilot.analysis.ClarifyingQuestion;
import com.salescopilot.analysis.ClientDna;
import com.salescopilot.analysis.CommunicationStyle;
import com.salescopilot.analysis.Disc;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.Indicators;
import com.salescopilot.analysis.JourneyStage;
import com.salescopilot.analysis.ObjectionHandler;
import com.salescopilot.analysis.PurchaseTemperature;
import com.salescopilot.analysis.SalesPotential;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.SchwartzValues;
import com.salescopilot.analysis.StoredAnalysis;
import com.salescopilot.analysis.Strategy;
import com.salescopilot.analysis.StyleScore;
import com.salescopilot.analysis.Suggestion;
import com.salescopilot.analysis.SuggestionIds;
import com.salescopilot.analysis.SuggestionKind;
import com.salescopilot.analysis.TraitScore;
import com.salescopilot.analysis.ValueScore;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.ui.Formats;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The right-hand side of the cockpit: where the deep analysis stands (queued, running since…, retrying,
 * failed with Retry), whether the model is reachable, and the latest analysis in plain, readable form
 * with 👍/👎 on its suggestions. It follows the session's events (from any instance) and redraws itself;
 * while a newer analysis runs the previous one stays visible, marked as updating.
 */
final class AnalysisPanel extends Div {

    private final CockpitParts parts;
    private final Actor actor;
    private final long sessionId;
    private final Long newestInteractionId;

    final Div statusLine = new Div();
    final Span statusText = new Span();
    final ProgressBar progress = new ProgressBar();
    final Button retry = new Button();
    final ModelStatusIndicator modelStatus;
    final Span updating = new Span();
    final Div result = new Div();
    final Paragraph noAnalysis = new Paragraph();

    private AnalysisState state = AnalysisState.none();
    private StoredAnalysis shownAnalysis;
    private Runnable unregister;

    AnalysisPanel(CockpitParts parts, Actor actor, long sessionId, Long newestInteractionId) {
        this.parts = parts;
        this.actor = actor;
        this.sessionId = sessionId;
        this.newestInteractionId = newestInteractionId;
        addClassName("analysis-side");
        setId("analysis-side");

        H3 heading = new H3(getTranslation("analysis.title"));
        modelStatus = new ModelStatusIndicator(parts.modelStatus(), parts.ticker(), false);
        modelStatus.setId("analysis-model-status");

        statusText.addClassName("analysis-status-text");
        progress.setIndeterminate(true);
        progress.addClassName("analysis-progress");
        retry.setText(getTranslation("analysis.retry"));
        retry.setIcon(new Icon(VaadinIcon.REFRESH));
        retry.setId("analysis-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        retry.addClickListener(e -> retry());
        statusLine.add(statusText, retry, progress);
        statusLine.addClassName("analysis-status");
        statusLine.setId("analysis-status");
        statusLine.getElement().setAttribute("aria-live", "polite");

        updating.setText(getTranslation("analysis.updating"));
        updating.addClassName("analysis-updating");
        noAnalysis.addClassName("empty-state");
        noAnalysis.setText(getTranslation("analysis.none-yet"));
        result.addClassName("analysis-result");
        result.setId("analysis-result");

        add(heading, statusLine, modelStatus, updating, noAnalysis, result);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (unregister != null) {
            unregister.run();
        }
        LatestOnly<SessionEvent> updates = new LatestOnly<>(attachEvent.getUI(), e -> reload());
        unregister = parts.bus().register(sessionId, event -> {
            if (event.kind() != SessionEvent.Kind.FAST_DONE && event.kind() != SessionEvent.Kind.FEEDBACK) {
                updates.offer(event);
            }
        });
        reload(); // what happened between rendering and attaching
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unregister != null) {
            unregister.run();
            unregister = null;
        }
        super.onDetach(detachEvent);
    }

    /** Re-reads the state and the latest analysis and shows them. */
    void reload() {
        AnalysisState now = parts.analysis().state(actor, sessionId);
        Optional<StoredAnalysis> latest = parts.analysis().latest(actor, sessionId);
        showState(now, latest.isPresent());
        if (latest.isPresent() && (shownAnalysis == null || shownAnalysis.id() != latest.get().id())) {
            showAnalysis(latest.get());
        }
        boolean busy = now.status() == AnalysisStatus.PENDING || now.status() == AnalysisStatus.RUNNING;
        updating.setVisible(busy && shownAnalysis != null);
        result.setClassName("updating", busy && shownAnalysis != null);
        noAnalysis.setVisible(shownAnalysis == null);
        if (shownAnalysis == null) {
            noAnalysis.setText(getTranslation(busy ? "analysis.first-pending" : "analysis.none-yet"));
        }
    }

    AnalysisState state() {
        return state;
    }

    StoredAnalysis shownAnalysis() {
        return shownAnalysis;
    }

    private void showState(AnalysisState next, boolean hasAnalysis) {
        state = next;
        statusLine.getElement().setAttribute("data-status", next.status().code());
        retry.setVisible(next.status() == AnalysisStatus.FAILED);
        progress.setVisible(next.status() == AnalysisStatus.RUNNING);
        String reason = next.errorCode() == null ? "" : getTranslation(AiTexts.errorKey(next.errorCode()));
        statusText.setText(switch (next.status()) {
            case NONE -> getTranslation(hasAnalysis ? "analysis.status.done-earlier" : "analysis.status.none");
            case PENDING -> next.retrying()
                    ? getTranslation("analysis.status.retrying", secondsUntil(next.nextAttemptAt()), next.attempts(),
                    next.maxAttempts(), reason)
                    : getTranslation("analysis.status.queued", Formats.time(next.since()));
            case RUNNING -> getTranslation("analysis.status.running", Formats.time(next.since()));
            case DONE -> getTranslation("analysis.status.done", Formats.time(next.since()));
            case FAILED -> getTranslation("analysis.status.failed", reason);
        });
    }

    private static long secondsUntil(Instant at) {
        if (at == null) {
            return 0;
        }
        return Math.max(0, Duration.between(Instant.now(), at).toSeconds());
    }

    private void retry() {
        Long interactionId = state.interactionId() != null ? state.interactionId() : newestInteractionId;
        if (interactionId == null) {
            return;
        }
        try {
            parts.analysis().retry(actor, interactionId);
        } catch (ConflictException e) {
            Notification n = Notification.show(getTranslation(e.messageKey()), 5000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
        reload();
    }

    // ---- the analysis in plain text ------------------------------------------------------------------

    private void showAnalysis(StoredAnalysis analysis) {
        shownAnalysis = analysis;
        result.removeAll();
        AnalysisResult r = analysis.result();
        long interactionId = analysis.interactionId();
        Map<String, Suggestion> items = new LinkedHashMap<>();
        r.suggestions().forEach(s -> items.put(s.id(), s));
        Map<String, Integer> votes = parts.votes().votes(actor, interactionId);
        Strategy strategy = r.strategy();

        Suggestion next = items.get(SuggestionIds.NEXT_BEST_ACTION);
        if (next != null) {
            Div box = new Div(label("analysis.next-best-action"), text("analysis-next-best-action", next.text()),
                    votes(interactionId, next.id(), votes));
            box.addClassName("analysis-nba");
            result.add(box);
        }

        if (strategy != null) {
            Div body = new Div();
            if (!strategy.archetype().isBlank()) {
                String archetype = getTranslation("analysis.archetype.value", strategy.archetype(),
                        strategy.archetypeConfidence());
                if (!strategy.runnerUpArchetype().isBlank()) {
                    archetype += " · " + getTranslation("analysis.archetype.runner-up", strategy.runnerUpArchetype());
                }
                body.add(field("analysis.archetype", text("analysis-archetype", archetype)));
            }
            if (!strategy.mainAnalysis().isBlank()) {
                body.add(field("analysis.main", text("analysis-main", strategy.mainAnalysis())));
            }
            body.add(suggestionList("analysis.strategic-notes", "analysis-strategic-notes", items,
                    SuggestionKind.STRATEGIC_NOTE, interactionId, votes));
            body.add(suggestionList("analysis.suggested-actions", "analysis-suggested-actions", items,
                    SuggestionKind.SUGGESTED_ACTION, interactionId, votes));
            body.add(plainList("analysis.buy-signals", "analysis-buy-signals", strategy.buySignals()));
            body.add(plainList("analysis.risk-signals", "analysis-risk-signals", strategy.riskSignals()));
            body.add(objectionHandlers(strategy.objectionHandlers(), items, interactionId, votes));
            if (!strategy.followUpTiming().isBlank()) {
                body.add(field("analysis.follow-up", text("analysis-follow-up", strategy.followUpTiming())));
            }
            result.add(section("analysis.section.strategy", "analysis-section-strategy", body, true));
        }

        if (r.indicators() != null) {
            result.add(section("analysis.section.indicators", "analysis-section-indicators", indicators(r.indicators()),
                    true));
        }
        result.add(section("analysis.section.profile", "analysis-section-profile", profile(r), false));
        if (r.clientDna() != null) {
            result.add(section("analysis.section.dna", "analysis-section-dna", clientDna(r.clientDna()), false));
        }
        if (!r.clarifyingQuestions().isEmpty()) {
            result.add(section("analysis.section.questions", "analysis-section-questions",
                    clarifyingQuestions(r.clarifyingQuestions()), true));
        }

        result.add(new BasedOnChips(analysis.basedOn(), id -> parts.analysis().knowledge(actor, id)));
        Div footer = new Div();
        footer.addClassName("analysis-footer");
        footer.add(text("analysis-confidence", getTranslation("analysis.confidence", r.overallConfidence())));
        if (r.needsMoreInformation()) {
            Span more = text("analysis-needs-more", getTranslation("analysis.needs-more"));
            more.addClassName("analysis-needs-more");
            footer.add(more);
        }
        footer.add(text("analysis-made", getTranslation("analysis.made", Formats.dateTime(analysis.createdAt()),
                analysis.model() == null ? "" : analysis.model())));
        result.add(footer);
    }

    private Div indicators(Indicators indicators) {
        Div body = new Div();
        PurchaseTemperature temperature = indicators.purchaseTemperature();
        if (temperature != null) {
            String band = temperature.band() == null ? "" : getTranslation("analysis.band." + temperature.band().code());
            body.add(field("analysis.temperature", text("analysis-temperature",
                    getTranslation("analysis.temperature.value", temperature.score(), band))));
        }
        JourneyStage journey = indicators.journeyStage();
        if (journey != null && journey.stage() != null) {
            body.add(field("analysis.journey", text("analysis-journey",
                    getTranslation("analysis.journey.value", getTranslation("analysis.stage." + journey.stage().code()),
                            journey.stage().step(), journey.progress()))));
        }
        ChurnRisk churn = indicators.churnRisk();
        if (churn != null) {
            String level = churn.level() == null ? "" : getTranslation("analysis.level." + churn.level().code());
            body.add(field("analysis.churn", text("analysis-churn",
                    getTranslation("analysis.churn.value", churn.score(), level))));
            if (!churn.riskFactors().isEmpty()) {
                body.add(plainList("analysis.churn.factors", "analysis-churn-factors", churn.riskFactors()));
            }
        }
        SalesPotential potential = indicators.salesPotential();
        if (potential != null) {
            NumberFormat money = NumberFormat.getNumberInstance(getLocale());
            money.setMaximumFractionDigits(0);
            body.add(field("analysis.potential", text("analysis-potential",
                    getTranslation("analysis.potential.value", money.format(potential.value()), potential.currency(),
                            potential.probability(), potential.timeframe()))));
        }
        return body;
    }

    private Div profile(AnalysisResult r) {
        Div body = new Div();
        BigFive bigFive = r.bigFive();
        if (bigFive != null) {
            UnorderedList list = compactList("analysis-big-five");
            for (Map.Entry<BigFiveTrait, TraitScore> e : bigFive.asMap().entrySet()) {
                if (e.getValue() != null) {
                    list.add(item(getTranslation("analysis.trait.score",
                            getTranslation("analysis.trait." + e.getKey().code()), e.getValue().score(),
                            e.getValue().confidence())));
                }
            }
            body.add(subheading("analysis.big-five"), list);
        }
        Disc disc = r.disc();
        if (disc != null) {
            UnorderedList list = compactList("analysis-disc");
            for (Map.Entry<DiscStyle, StyleScore> e : disc.asMap().entrySet()) {
                if (e.getValue() != null) {
                    list.add(item(getTranslation("analysis.disc.score",
                            getTranslation("analysis.disc." + e.getKey().dimension()), e.getValue().score())));
                }
            }
            body.add(subheading("analysis.disc"), list);
            if (disc.primaryStyle() != null) {
                body.add(text("analysis-disc-primary", getTranslation("analysis.disc.primary",
                        getTranslation("analysis.disc." + disc.primaryStyle().dimension()))));
            }
            Span note = text("analysis-disc-note", getTranslation("analysis.disc.note"));
            note.addClassName("analysis-note");
            body.add(note);
        }
        SchwartzValues values = r.schwartzValues();
        if (values != null) {
            body.add(subheading("analysis.schwartz"));
            if (!values.topValues().isEmpty()) {
                body.add(text("analysis-schwartz-top", getTranslation("analysis.schwartz.top", String.join(", ",
                        values.topValues().stream().filter(v -> v != null)
                                .map(v -> getTranslation("analysis.value." + v.code())).toList()))));
            }
            UnorderedList list = compactList("analysis-schwartz");
            for (Map.Entry<SchwartzValue, ValueScore> e : values.inCircleOrder().entrySet()) {
                if (e.getValue() != null) {
                    list.add(item(getTranslation("analysis.value.score",
                            getTranslation("analysis.value." + e.getKey().code()), e.getValue().relevance())));
                }
            }
            body.add(list);
        }
        return body;
    }

    private Div clientDna(ClientDna dna) {
        Div body = new Div();
        if (!dna.summary().isBlank()) {
            body.add(field("analysis.dna.summary", text("analysis-dna-summary", dna.summary())));
        }
        if (!dna.mainDrive().isBlank()) {
            body.add(field("analysis.dna.drive", text("analysis-dna-drive", dna.mainDrive())));
        }
        CommunicationStyle style = dna.communicationStyle();
        if (style != null) {
            UnorderedList list = compactList("analysis-dna-style");
            addIfPresent(list, "analysis.dna.approach", style.approach());
            addIfPresent(list, "analysis.dna.tone", style.tone());
            addIfPresent(list, "analysis.dna.pace", style.pace());
            addIfPresent(list, "analysis.dna.density", style.informationDensity());
            if (list.getChildren().findAny().isPresent()) {
                body.add(subheading("analysis.dna.style"), list);
            }
        }
        body.add(plainList("analysis.dna.levers", "analysis-dna-levers", dna.keyLevers()));
        body.add(plainList("analysis.dna.red-flags", "analysis-dna-red-flags", dna.redFlags()));
        body.add(plainList("analysis.dna.missing", "analysis-dna-missing", dna.missingInformation()));
        return body;
    }

    private Div clarifyingQuestions(List<ClarifyingQuestion> questions) {
        Div body = new Div();
        UnorderedList list = new UnorderedList();
        list.setId("analysis-clarifying-questions");
        list.addClassName("analysis-list");
        for (ClarifyingQuestion q : questions) {
            if (q.question().isBlank()) {
                continue;
            }
            ListItem li = new ListItem();
            li.add(text(null, q.question()));
            Div options = new Div(text(null, "A: " + q.optionA()), text(null, "B: " + q.optionB()));
            options.addClassName("analysis-options");
            li.add(options);
            if (!q.settles().isBlank()) {
                Span settles = text(null, getTranslation("analysis.question.settles", q.settles()));
                settles.addClassName("analysis-note");
                li.add(settles);
            }
            list.add(li);
        }
        body.add(list);
        return body;
    }

    private Div objectionHandlers(List<ObjectionHandler> handlers, Map<String, Suggestion> items, long interactionId,
                                  Map<String, Integer> votes) {
        Div block = new Div();
        UnorderedList list = new UnorderedList();
        list.setId("analysis-objection-handlers");
        list.addClassName("analysis-list");
        for (int i = 0; i < handlers.size(); i++) {
            String id = SuggestionIds.objectionHandler(i + 1);
            if (!items.containsKey(id)) {
                continue; // blank
            }
            ObjectionHandler handler = handlers.get(i);
            ListItem li = new ListItem();
            li.addClassName("analysis-suggestion");
            Div content = new Div();
            content.addClassName("analysis-suggestion-text");
            if (!handler.objection().isBlank()) {
                Span objection = text(null, handler.objection());
                objection.addClassName("analysis-objection");
                content.add(objection);
            }
            Span response = text(null, handler.response().isBlank() ? items.get(id).text() : handler.response());
            response.addClassName("analysis-response");
            content.add(response);
            li.add(content, votes(interactionId, id, votes));
            list.add(li);
        }
        if (list.getChildren().findAny().isPresent()) {
            block.add(subheading("analysis.objection-handlers"), list);
        }
        return block;
    }

    private Div suggestionList(String labelKey, String id, Map<String, Suggestion> items, SuggestionKind kind,
                               long interactionId, Map<String, Integer> votes) {
        Div block = new Div();
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("analysis-list");
        items.values().stream().filter(s -> s.kind() == kind).forEach(s -> {
            Span text = text(null, s.text());
            text.addClassName("analysis-suggestion-text");
            ListItem li = new ListItem(text, votes(interactionId, s.id(), votes));
            li.addClassName("analysis-suggestion");
            list.add(li);
        });
        if (list.getChildren().findAny().isPresent()) {
            block.add(subheading(labelKey), list);
        }
        return block;
    }

    private Div plainList(String labelKey, String id, List<String> texts) {
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

    private VoteButtons votes(long interactionId, String suggestionId, Map<String, Integer> votes) {
        return new VoteButtons(parts.votes(), actor, interactionId, suggestionId, votes.get(suggestionId));
    }

    private Details section(String titleKey, String id, Component content, boolean opened) {
        Details details = new Details(getTranslation(titleKey), content);
        details.setId(id);
        details.setOpened(opened);
        details.addClassName("analysis-section");
        return details;
    }

    private Div field(String labelKey, Component value) {
        Div field = new Div(label(labelKey), value);
        field.addClassName("analysis-field");
        return field;
    }

    private Span label(String key) {
        Span label = new Span(getTranslation(key));
        label.addClassName("analysis-label");
        return label;
    }

    private H4 subheading(String key) {
        H4 h = new H4(getTranslation(key));
        h.addClassName("analysis-subheading");
        return h;
    }

    private static UnorderedList compactList(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassNames("analysis-list", "analysis-compact");
        return list;
    }

    private void addIfPresent(UnorderedList list, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            list.add(item(getTranslation(labelKey) + ": " + value));
        }
    }

    private static ListItem item(String text) {
        ListItem li = new ListItem();
        li.setText(text);
        return li;
    }

    /** Model text always goes in as text, never as HTML. */
    private static Span text(String id, String value) {
        Span span = new Span();
        span.setText(value == null ? "" : value);
        if (id != null) {
            span.setId(id);
        }
        span.addClassName("analysis-text");
        return span;
    }
}
