package com.salescopilot.base.ui;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per-UI set-up: learns the browser's time zone, and installs an error handler that turns any
 * exception escaping a listener into a readable notification (never a stack trace in the page).
 */
@Component
class UiSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(error -> {
            Throwable cause = rootDomainCause(error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui == null) {
                log.error("Error outside a UI", error.getThrowable());
                return;
            }
            String message;
            if (cause instanceof ConflictException conflict) {
                message = ui.getTranslation(conflict.messageKey());
            } else if (cause instanceof NotFoundException) {
                message = ui.getTranslation("error.not-found");
            } else if (cause instanceof InvalidInputException invalid) {
                message = ui.getTranslation("error.invalid", invalid.getMessage());
            } else if (cause instanceof org.springframework.security.access.AccessDeniedException) {
                message = ui.getTranslation("error.forbidden");
            } else {
                log.error("Unexpected error in the UI", error.getThrowable());
                message = ui.getTranslation("error.unexpected");
            }
            Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }));
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> {
                try {
                    VaadinSession.getCurrent().setAttribute(Formats.ZONE_ATTRIBUTE, ZoneId.of(details.getTimeZoneId()));
                } catch (RuntimeException ignored) {
                    // unknown zone id from the browser: keep the default
                }
            });
        });
    }

    private static Throwable rootDomainCause(Throwable t) {
        Throwable current = t;
        while (current != null) {
            if (current instanceof ConflictException || current instanceof NotFoundException
                    || current instanceof InvalidInputException
                    || current instanceof org.springframework.security.access.AccessDeniedException) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }
}
