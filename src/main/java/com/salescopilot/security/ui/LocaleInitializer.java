package com.salescopilot.security.ui;

import com.salescopilot.security.CurrentUser;
import com.salescopilot.security.SupportedLocales;
import com.salescopilot.security.UserService;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Chooses the UI language when a UI starts: the logged-in user's remembered language; before login
 * the language picked on the login page (a cookie), else the browser's (Polish unless it asks for English).
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String COOKIE = "copilot-locale";

    private final CurrentUser currentUser;
    private final UserService users;

    LocaleInitializer(CurrentUser currentUser, UserService users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            Locale locale = currentUser.actor()
                    .map(actor -> users.localeOf(actor.userId()))
                    .orElseGet(LocaleInitializer::anonymousLocale);
            e.getUI().setLocale(locale);
            e.getUI().getSession().setLocale(locale);
        });
    }

    private static Locale anonymousLocale() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return SupportedLocales.POLISH;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return SupportedLocales.of(cookie.getValue());
                }
            }
        }
        return SupportedLocales.of(request.getLocale() == null ? null : request.getLocale().toLanguageTag());
    }
}
