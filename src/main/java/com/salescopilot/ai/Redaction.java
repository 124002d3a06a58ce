package com.salescopilot.ai;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of anything this module writes into messages: bearer tokens by pattern, and the
 * configured API key by value (registered when the models are built).
 */
final class Redaction {

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Redaction() {
    }

    static void registerSecret(String secret) {
        if (secret != null && secret.length() >= 4) {
            SECRETS.add(secret);
        }
    }

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = BEARER.matcher(text).replaceAll("$1****");
        for (String secret : SECRETS) {
            result = result.replace(secret, "****");
        }
        return result;
    }
}
