package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.AnalysisState;
import com.salescopilot.analysis.AnalysisStatus;
import com.salescopilot.analysis.EvidenceCheck;
import com.salescopilot.analysis.StoredAnalysis;
import com.salescopilot.analysis.Suggestion;
import com.salescopilot.analysis.SuggestionIds;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.ui.Formats;
import com.salescopilot.security.Actor;
import com.salescopilot.session.CockpitRefresh;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The right-hand side of the cockpit: where the deep analysis stands (queued, running since…, retrying,
 * failed with Retry), whether the model is reachable, and the latest analysis: overall confidence and
 * the share of verified evidence, the next best action, the clarifying questions as one-click choices,
 * and three tabs, Profile ({@link ProfileSection}), Indicators ({@link IndicatorsSection}) and Strategy
 * ({@link StrategySection}), with 👍/👎 on every suggestion. It follows the session's events (from any instance) and redraws itself;
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
    final Div summary = new Div();
    final Div nextBestAction = new Div();
    final Div questions = new Div();
    final AnalysisTabs tabs = new AnalysisTabs();
    final Div profileTab = new Div();
    final Div indicatorsTab = new Div();
    final Div strategyTab = new Div();
    final Div footer = new Div();
    private ProfileSection profile;
    private IndicatorsSection indicators;
    private StrategySection strategy;

    /** Below this overall confidence the profile is shown as weak. */
    static final int WEAK_BELOW = 40;

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
        summary.addClassName("analysis-summary");
        summary.setId("analysis-summary");
        nextBestAction.addClassName("analysis-nba");
        questions.addClassName("analysis-questions-holder");
        tabs.setId("analysis-tabs");
        tabs.addClassName("analysis-tabs");
        tabs.add(tab("analysis.tab.profile", "tab-profile"), profileTab);
        tabs.add(tab("analysis.tab.indicators", "tab-indicators"), indicatorsTab);
        tabs.add(tab("analysis.tab.strategy", "tab-strategy"), strategyTab);
        tabs.setSelectedIndex(2);
        tabs.setWidthFull();
        footer.addClassName("analysis-footer");
        result.add(summary, nextBestAction, questions, tabs, footer);
        result.setVisible(false);

        Div head = new Div(heading, modelStatus);
        head.addClassName("analysis-head");
        add(head, statusLine, updating, noAnalysis, result);
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

    private Tab tab(String key, String id) {
        Tab tab = new Tab(getTranslation(key));
        tab.setId(id);
        return tab;
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

    // ---- the analysis: summary, next best action, questions, and the three tabs ---------------------

    private void showAnalysis(StoredAnalysis analysis) {
        shownAnalysis = analysis;
        AnalysisResult r = analysis.result();
        long interactionId = analysis.interactionId();
        Map<String, Suggestion> items = new LinkedHashMap<>();
        r.suggestions().forEach(s -> items.put(s.id(), s));
        PanelBits bits = new PanelBits(this, parts, actor, interactionId, parts.votes().votes(actor, interactionId), items);
        EvidenceCheck evidence = parts.analysis().evidence(actor, analysis);
        boolean weak = isWeak(r);

        summary.removeAll();
        summary.setClassName("weak", weak);
        Span confidence = PanelBits.text("analysis-confidence", getTranslation("analysis.confidence", r.overallConfidence()));
        confidence.addClassName("analysis-confidence");
        summary.add(confidence);
        if (r.needsMoreInformation()) {
            Span more = PanelBits.text("analysis-needs-more", getTranslation("analysis.needs-more"));
            more.addClassName("analysis-needs-more");
            summary.add(more);
        }
        Integer verified = evidence.verifiedPercent();
        Span evidenceShare = PanelBits.text("analysis-evidence-share", verified == null
                ? getTranslation("analysis.evidence.share-none")
                : getTranslation("analysis.evidence.share", verified, evidence.verifiedCount(), evidence.total()));
        evidenceShare.addClassName("analysis-evidence-share");
        evidenceShare.setClassName("has-unverified", verified != null && verified < 100);
        summary.add(evidenceShare);

        nextBestAction.removeAll();
        Suggestion next = items.get(SuggestionIds.NEXT_BEST_ACTION);
        nextBestAction.setVisible(next != null);
        if (next != null) {
            nextBestAction.add(bits.label("analysis.next-best-action"),
                    bits.voted("analysis-next-best-action", next.id(), next.text()));
        }

        showQuestions(bits, analysis);

        profileTab.removeAll();
        profile = new ProfileSection(bits, r, evidence, weak);
        profileTab.add(profile);

        indicatorsTab.removeAll();
        indicators = null;
        if (r.indicators() != null) {
            indicators = new IndicatorsSection(bits, r.indicators(), parts.analysis().trend(actor, sessionId));
            indicatorsTab.add(indicators);
        } else {
            indicatorsTab.add(missingPart());
        }

        strategyTab.removeAll();
        strategy = null;
        if (r.strategy() != null) {
            strategy = new StrategySection(bits, r.strategy(), parts.playbooks().current());
            strategyTab.add(strategy);
        } else {
            strategyTab.add(missingPart());
        }
        // the knowledge the analysis was based on, as chips that open the nugget, at the top of the strategy
        BasedOnChips chips = new BasedOnChips(analysis.basedOn(), id -> parts.analysis().knowledge(actor, id));
        if (strategy != null) {
            strategy.basedOn.add(chips);
        } else {
            strategyTab.addComponentAsFirst(chips);
        }

        footer.removeAll();
        footer.add(PanelBits.text("analysis-made", getTranslation("analysis.made", Formats.dateTime(analysis.createdAt()),
                analysis.model() == null ? "" : analysis.model())));
        result.setVisible(true);
    }

    private void showQuestions(PanelBits bits, StoredAnalysis analysis) {
        ClarifyingQuestionsBox box = new ClarifyingQuestionsBox(bits, analysis,
                parts.analysis().answeredQuestions(actor, sessionId), this::afterClarification);
        questions.removeAll();
        questions.add(box);
        questions.setVisible(box.isVisible());
    }

    /** After an answer: the conversation shows the clarification, the question goes, the new analysis is awaited. */
    private void afterClarification() {
        getUI().ifPresent(CockpitRefresh::request);
        if (shownAnalysis != null) {
            Map<String, Suggestion> items = new LinkedHashMap<>();
            shownAnalysis.result().suggestions().forEach(s -> items.put(s.id(), s));
            showQuestions(new PanelBits(this, parts, actor, shownAnalysis.interactionId(),
                    parts.votes().votes(actor, shownAnalysis.interactionId()), items), shownAnalysis);
        }
        reload();
    }

    private Paragraph missingPart() {
        Paragraph missing = new Paragraph(getTranslation("analysis.part-missing"));
        missing.addClassNames("empty-state", "analysis-part-missing");
        return missing;
    }

    /**
     * A profile the UI must not present as certain: overall confidence below {@value #WEAK_BELOW} %
     * ("needs more information" is shown on its own beside the confidence).
     */
    static boolean isWeak(AnalysisResult r) {
        return r.overallConfidence() < WEAK_BELOW;
    }

    ProfileSection profile() {
        return profile;
    }

    IndicatorsSection indicators() {
        return indicators;
    }

    StrategySection strategy() {
        return strategy;
    }
}
