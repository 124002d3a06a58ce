package com.salescopilot.analysis.ui;

import com.salescopilot.ai.AiProperties;
import com.salescopilot.ai.ModelStatusService;
import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.FastPathService;
import com.salescopilot.analysis.FastStreams;
import com.salescopilot.analysis.PlaybookService;
import com.salescopilot.analysis.SuggestionVotes;
import com.salescopilot.analysis.push.SessionEventBus;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.session.CockpitExtension;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.SessionDetails;
import com.vaadin.flow.component.Component;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.core.annotation.Order;

/**
 * The analysis module's parts of the cockpit: the streamed fast answer under each interaction, the
 * analysis panel beside the conversation, and the model status in the header.
 */
@org.springframework.stereotype.Component
@Order(0)
class AnalysisCockpitExtension implements CockpitExtension {

    private final CockpitParts parts;
    private final CurrentUser currentUser;
    private final ScheduledExecutorService ticker;

    AnalysisCockpitExtension(AnalysisService analysis, FastPathService fastPath, FastStreams streams,
                             SessionEventBus bus, SuggestionVotes votes, ModelStatusService modelStatus, AiProperties ai,
                             CurrentUser currentUser, PlaybookService playbooks) {
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cockpit-ticker").factory());
        this.parts = new CockpitParts(analysis, fastPath, streams, bus, votes, modelStatus, ai, ticker, playbooks);
        this.currentUser = currentUser;
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    @Override
    public Optional<Component> underInteraction(SessionDetails session, InteractionView interaction) {
        return Optional.of(new FastAnswerPanel(parts, currentUser.require(), session.id(), interaction.id()));
    }

    @Override
    public Optional<Component> sidePanel(SessionDetails session) {
        Long newest = session.interactions().isEmpty() ? null : session.interactions().getLast().id();
        return Optional.of(new AnalysisPanel(parts, currentUser.require(), session.id(), newest));
    }

    @Override
    public Optional<Component> headerStatus() {
        ModelStatusIndicator badge = new ModelStatusIndicator(parts.modelStatus(), ticker, true);
        badge.setId("model-status-badge");
        return Optional.of(badge);
    }
}
