package com.salescopilot.security;

import com.salescopilot.base.LocalePreference;
import java.util.Locale;
import org.springframework.stereotype.Component;

@Component
class UserLocalePreference implements LocalePreference {

    private final CurrentUser currentUser;
    private final UserService users;

    UserLocalePreference(CurrentUser currentUser, UserService users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @Override
    public void rememberForCurrentUser(Locale locale) {
        currentUser.actor().ifPresent(actor -> users.changeOwnLocale(actor, locale));
    }
}
