package com.salescopilot.knowledge.ui;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.ui.Formats;
import com.salescopilot.knowledge.KnowledgeService;
import com.salescopilot.knowledge.Nugget;
import com.salescopilot.knowledge.NuggetInput;
import com.salescopilot.knowledge.NuggetRevision;
import com.salescopilot.knowledge.NuggetStatus;
import com.salescopilot.knowledge.NuggetType;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One nugget: a form for managers and admins (create, edit, archive, restore) and the same fields
 * read-only for sellers; its history (who changed what, when) for everyone.
 */
final class NuggetDialog extends Dialog {

    static final String ANY = "";

    private final KnowledgeService knowledge;
    private final Actor actor;
    private final Nugget nugget;
    private final Consumer<Nugget> onSaved;

    final Select<NuggetType> type = new Select<>();
    final TextField title = new TextField();
    final TextArea content = new TextArea();
    final TextField tags = new TextField();
    final TextField archetypes = new TextField();
    final Select<String> language = new Select<>();
    final TextField source = new TextField();
    final Button save = new Button();
    final Button archive = new Button();
    final Button restore = new Button();
    final Button history = new Button();

    NuggetDialog(KnowledgeService knowledge, Actor actor, Nugget nugget, Consumer<Nugget> onSaved) {
        this.knowledge = knowledge;
        this.actor = actor;
        this.nugget = nugget;
        this.onSaved = onSaved;
        boolean editor = actor.seesEveryone();
        addClassName("nugget-dialog");
        setWidth("44em");
        setHeaderTitle(nugget == null ? getTranslation("knowledge.new")
                : getTranslation(editor ? "knowledge.edit" : "knowledge.view", nugget.ref()));

        type.setLabel(getTranslation("knowledge.field.type"));
        type.setItems(NuggetType.values());
        type.setItemLabelGenerator(t -> getTranslation("knowledge.type." + t.code()));
        type.setId("nugget-type");
        title.setLabel(getTranslation("knowledge.field.title"));
        title.setMaxLength(KnowledgeService.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        title.setId("nugget-title");
        content.setLabel(getTranslation("knowledge.field.content"));
        content.setMaxLength(KnowledgeService.CONTENT_MAX);
        content.setRequiredIndicatorVisible(true);
        content.setValueChangeMode(ValueChangeMode.EAGER);
        content.setHelperText(getTranslation("knowledge.field.content.helper", 0, KnowledgeService.CONTENT_MAX));
        content.addValueChangeListener(e -> content.setHelperText(getTranslation("knowledge.field.content.helper",
                e.getValue().length(), KnowledgeService.CONTENT_MAX)));
        content.setMinHeight("10em");
        content.setId("nugget-content");
        tags.setLabel(getTranslation("knowledge.field.tags"));
        tags.setHelperText(getTranslation("knowledge.field.tags.helper", KnowledgeService.TAGS_MAX));
        tags.setId("nugget-tags");
        archetypes.setLabel(getTranslation("knowledge.field.archetypes"));
        archetypes.setHelperText(getTranslation("knowledge.field.archetypes.helper"));
        archetypes.setId("nugget-archetypes");
        language.setLabel(getTranslation("knowledge.field.language"));
        language.setItems(ANY, "pl", "en");
        language.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("knowledge.language.any")
                : getTranslation("language." + l));
        language.setValue(ANY);
        language.setId("nugget-language");
        source.setLabel(getTranslation("knowledge.field.source"));
        source.setMaxLength(KnowledgeService.SOURCE_MAX);
        source.setId("nugget-source");

        if (nugget != null) {
            type.setValue(nugget.type());
            title.setValue(nugget.title());
            content.setValue(nugget.content());
            tags.setValue(String.join(", ", nugget.tags()));
            archetypes.setValue(String.join(", ", nugget.archetypes()));
            language.setValue(nugget.language() == null ? ANY : nugget.language());
            source.setValue(nugget.source() == null ? "" : nugget.source());
        } else {
            type.setValue(NuggetType.PRODUCT);
        }

        FormLayout form = new FormLayout(type, language, title, content, tags, archetypes, source);
        form.setColspan(title, 2);
        form.setColspan(content, 2);
        form.setColspan(source, 2);
        add(form);
        if (nugget != null) {
            Span meta = new Span(getTranslation("knowledge.meta", nugget.version(),
                    nugget.authorName() == null ? "" : nugget.authorName(), Formats.dateTime(nugget.updatedAt()),
                    getTranslation("knowledge.status." + nugget.status().name().toLowerCase())));
            meta.addClassName("nugget-meta");
            meta.setId("nugget-meta");
            add(meta);
        }

        List.of(type, language).forEach(f -> f.setReadOnly(!editor));
        List.of(title, tags, archetypes, source).forEach(f -> f.setReadOnly(!editor));
        content.setReadOnly(!editor);

        Button cancel = new Button(getTranslation(editor ? "action.cancel" : "knowledge.close"), e -> close());
        cancel.setId("nugget-cancel");
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("nugget-save");
        save.setVisible(editor);
        save.addClickListener(e -> save());
        archive.setText(getTranslation("knowledge.archive"));
        archive.setIcon(new Icon(VaadinIcon.ARCHIVE));
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        archive.setId("nugget-archive");
        archive.setVisible(editor && nugget != null && nugget.status() == NuggetStatus.ACTIVE);
        archive.addClickListener(e -> changeStatus(true));
        restore.setText(getTranslation("knowledge.restore"));
        restore.setIcon(new Icon(VaadinIcon.ARROW_BACKWARD));
        restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        restore.setId("nugget-restore");
        restore.setVisible(editor && nugget != null && nugget.status() == NuggetStatus.ARCHIVED);
        restore.addClickListener(e -> changeStatus(false));
        history.setText(getTranslation("knowledge.history"));
        history.setIcon(new Icon(VaadinIcon.TIME_BACKWARD));
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        history.setId("nugget-history");
        history.setVisible(nugget != null);
        history.addClickListener(e -> showHistory());
        getFooter().add(history, archive, restore, cancel, save);
    }

    NuggetInput input() {
        return new NuggetInput(type.getValue(), title.getValue(), content.getValue(), split(tags.getValue()),
                split(archetypes.getValue()), language.getValue() == null || language.getValue().isEmpty() ? null
                : language.getValue(), source.getValue());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    void save() {
        List.of(title, tags, archetypes, source).forEach(f -> f.setInvalid(false));
        content.setInvalid(false);
        type.setInvalid(false);
        language.setInvalid(false);
        try {
            Nugget saved = nugget == null ? knowledge.create(actor, input())
                    : knowledge.update(actor, nugget.id(), input(), nugget.version());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            e.fieldErrors().keySet().forEach(field -> {
                HasValidation target = switch (field) {
                    case "type" -> type;
                    case "title" -> title;
                    case "content" -> content;
                    case "tags" -> tags;
                    case "archetype_filter" -> archetypes;
                    case "language" -> language;
                    case "source" -> source;
                    default -> null;
                };
                if (target != null) {
                    NuggetFieldErrors.message(this, field).ifPresent(message -> {
                        target.setErrorMessage(message);
                        target.setInvalid(true);
                    });
                }
            });
        } catch (ConflictException e) {
            Notification.show(getTranslation("knowledge.error.stale"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void changeStatus(boolean toArchive) {
        Nugget saved = toArchive ? knowledge.archive(actor, nugget.id()) : knowledge.restore(actor, nugget.id());
        close();
        onSaved.accept(saved);
    }

    void showHistory() {
        Dialog dialog = new Dialog();
        dialog.addClassName("nugget-history-dialog");
        dialog.setHeaderTitle(getTranslation("knowledge.history.title", nugget.ref(), nugget.title()));
        dialog.setWidth("44em");
        Grid<NuggetRevision> revisions = new Grid<>();
        revisions.setId("nugget-history-grid");
        revisions.addColumn(NuggetRevision::version).setHeader(getTranslation("knowledge.history.version"))
                .setAutoWidth(true).setFlexGrow(0);
        revisions.addColumn(r -> getTranslation("knowledge.action." + r.action().name().toLowerCase()))
                .setHeader(getTranslation("knowledge.history.action")).setKey("action").setAutoWidth(true).setFlexGrow(0);
        revisions.addColumn(r -> r.changedBy() == null ? "" : r.changedBy())
                .setHeader(getTranslation("knowledge.history.who")).setKey("who").setFlexGrow(1);
        revisions.addColumn(r -> Formats.dateTime(r.changedAt())).setHeader(getTranslation("knowledge.history.when"))
                .setAutoWidth(true).setFlexGrow(0);
        revisions.addColumn(NuggetRevision::title).setHeader(getTranslation("knowledge.history.title-then"))
                .setFlexGrow(2);
        revisions.setItems(knowledge.history(actor, nugget.id()));
        revisions.setAllRowsVisible(true);
        dialog.add(revisions);
        Button close = new Button(getTranslation("knowledge.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }
}
