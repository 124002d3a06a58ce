package com.salescopilot.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user of the current request (UI or API). Not for background threads: pass an {@link Actor} there. */
@Component
public class CurrentUser {

    public Optional<CopilotUser> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CopilotUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public Optional<Actor> actor() {
        return principal().map(CopilotUser::toActor);
    }

    public Actor require() {
        return actor().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }
}
