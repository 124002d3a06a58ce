package com.salescopilot.session;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * How other modules put their parts into the cockpit without the session module knowing them: the AI
 * answer under each interaction, and the analysis panels beside the conversation. Spring beans; the
 * cockpit asks every extension, in {@code @Order}.
 */
public interface CockpitExtension {

    /** A component shown under an interaction of the conversation (e.g. the streamed fast answer). */
    default Optional<Component> underInteraction(SessionDetails session, InteractionView interaction) {
        return Optional.empty();
    }

    /** The panel area beside the conversation, for a session that exists. */
    default Optional<Component> sidePanel(SessionDetails session) {
        return Optional.empty();
    }

    /** A small status component for the cockpit header (e.g. whether the model is reachable). */
    default Optional<Component> headerStatus() {
        return Optional.empty();
    }
}
