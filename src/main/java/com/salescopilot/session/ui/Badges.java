package com.salescopilot.session.ui;

import com.salescopilot.session.InteractionType;
import com.salescopilot.session.SessionStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** Small Lumo badges for a session's status and an interaction's type. */
final class Badges {

    private Badges() {
    }

    static Span status(Component translator, SessionStatus status) {
        boolean active = status == SessionStatus.ACTIVE;
        Span badge = new Span((active ? "🟢 " : "✅ ") + translator.getTranslation("status." + status.code()));
        badge.getElement().getThemeList().add(active ? "badge success" : "badge contrast");
        badge.addClassName("status-badge");
        return badge;
    }

    static Span type(Component translator, InteractionType type) {
        Span badge = new Span(translator.getTranslation("interaction.type." + type.code()));
        badge.getElement().getThemeList().add(switch (type) {
            case OBJECTION -> "badge error small";
            case QUESTION -> "badge warning small";
            case CLIENT_STATEMENT -> "badge small";
            default -> "badge contrast small";
        });
        badge.addClassName("type-badge");
        return badge;
    }
}
