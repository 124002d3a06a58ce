package com.salescopilot.session;

/** Dashboard filters; each null means "any". {@code clientQuery} matches the alias (case and diacritics folded). */
public record SessionFilter(SessionStatus status, String clientQuery, Long clientId) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null);
    }
}
