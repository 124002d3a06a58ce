package com.salescopilot.session;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * How a cockpit part of another module asks the open cockpit to re-read its session, after it
 * recorded an interaction itself (e.g. the answer to a clarifying question): the cockpit then appends
 * the new interaction to the conversation, as after its own Send. An event on the UI, within one
 * request; nothing is navigated.
 */
public final class CockpitRefresh {

    private CockpitRefresh() {
    }

    /** The event the cockpit listens to. */
    public static final class Requested extends ComponentEvent<UI> {
        public Requested(UI ui) {
            super(ui, false);
        }
    }

    public static void request(UI ui) {
        ComponentUtil.fireEvent(ui, new Requested(ui));
    }

    public static Registration listen(UI ui, ComponentEventListener<Requested> listener) {
        return ComponentUtil.addListener(ui, Requested.class, listener);
    }
}
