package com.salescopilot.knowledge.ui;

import com.salescopilot.knowledge.KnowledgeService;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A nugget's rules as the user reads them, by the field name the knowledge service reports: the nugget
 * form shows them beside its fields and the import report beside a rejected row, in the same words.
 */
final class NuggetFieldErrors {

    private NuggetFieldErrors() {
    }

    /** The translated rule of this field; empty for a field the service does not name. */
    static Optional<String> message(Component translator, String field) {
        return Optional.ofNullable(switch (field) {
            case "type" -> translator.getTranslation("knowledge.error.type");
            case "title" -> translator.getTranslation("knowledge.error.title", KnowledgeService.TITLE_MAX);
            case "content" -> translator.getTranslation("knowledge.error.content", KnowledgeService.CONTENT_MAX);
            case "tags" -> translator.getTranslation("knowledge.error.tags", KnowledgeService.TAGS_MAX,
                    KnowledgeService.TAG_MAX);
            case "archetype_filter" -> translator.getTranslation("knowledge.error.archetypes");
            case "language" -> translator.getTranslation("knowledge.error.language");
            case "source" -> translator.getTranslation("knowledge.error.source", KnowledgeService.SOURCE_MAX);
            case "id" -> translator.getTranslation("knowledge.error.id", KnowledgeService.EXTERNAL_ID_MAX);
            default -> null;
        });
    }
}
