package com.salescopilot.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge nugget as the knowledge base hands it out. {@code language} is {@code pl}, {@code en} or
 * null (any language); {@code archetypes} empty means it applies to every buyer archetype.
 */
public record Nugget(long id, String externalId, NuggetType type, String title, String content, List<String> tags,
                     List<String> archetypes, String language, String source, NuggetOrigin origin, NuggetStatus status,
                     String authorName, Instant createdAt, Instant updatedAt, int version) {

    public static final String REF_PREFIX = "K";

    /** The id as prompts and "based on" chips show it, e.g. {@code K12}. */
    public String ref() {
        return ref(id);
    }

    public static String ref(long id) {
        return REF_PREFIX + id;
    }

    /** The numeric id of a reference like {@code K12} (or {@code 12}); -1 when it is not one. */
    public static long idOfRef(String ref) {
        if (ref == null) {
            return -1;
        }
        String digits = ref.strip();
        if (digits.startsWith(REF_PREFIX)) {
            digits = digits.substring(REF_PREFIX.length());
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
