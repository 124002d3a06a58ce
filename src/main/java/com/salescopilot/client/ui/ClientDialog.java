package com.salescopilot.client.ui;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.Texts;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;

/** Creates a client, or edits one's alias and notes (with the version it loaded, to catch stale edits). */
class ClientDialog extends Dialog {

    /** What the form edits. */
    static final class Form {
        private String alias = "";
        private String notes = "";

        String getAlias() { return alias; }
        void setAlias(String alias) { this.alias = alias; }
        String getNotes() { return notes; }
        void setNotes(String notes) { this.notes = notes; }
    }

    private final ClientService clients;
    private final Actor actor;
    private final ClientSummary existing;
    private final Consumer<ClientSummary> onSaved;
    private final Form form = new Form();
    private final Binder<Form> binder = new Binder<>();

    final TextField alias = new TextField();
    final TextArea notes = new TextArea();
    final Div error = new Div();
    final Button save = new Button();

    ClientDialog(ClientService clients, Actor actor, ClientSummary existing, Consumer<ClientSummary> onSaved) {
        this.clients = clients;
        this.actor = actor;
        this.existing = existing;
        this.onSaved = onSaved;
        addClassName("client-dialog");
        setHeaderTitle(getTranslation(existing == null ? "clients.dialog.new" : "clients.dialog.edit"));
        setWidth("min(32rem, 95vw)");

        alias.setLabel(getTranslation("clients.field.alias"));
        alias.setHelperText(getTranslation("clients.field.alias.helper"));
        alias.setRequiredIndicatorVisible(true);
        alias.setId("client-alias-field");
        notes.setLabel(getTranslation("clients.field.notes"));
        notes.setHelperText(getTranslation("clients.field.notes.helper", Texts.NOTE_MAX));
        notes.setMinHeight("8em");
        notes.setId("client-notes-field");

        binder.forField(alias)
                .asRequired(getTranslation("clients.error.alias-required"))
                .withValidator(v -> v.strip().length() <= Texts.ALIAS_MAX,
                        getTranslation("clients.error.alias-too-long", Texts.ALIAS_MAX))
                .withValidator(v -> !v.isBlank(), getTranslation("clients.error.alias-required"))
                .bind(Form::getAlias, Form::setAlias);
        binder.forField(notes)
                .withValidator(v -> v == null || v.strip().length() <= Texts.NOTE_MAX,
                        getTranslation("clients.error.notes-too-long", Texts.NOTE_MAX))
                .bind(Form::getNotes, Form::setNotes);
        if (existing != null) {
            form.setAlias(existing.alias());
            form.setNotes(existing.notes() == null ? "" : existing.notes());
        }
        binder.readBean(form);

        error.addClassName("dialog-error");
        error.setVisible(false);
        error.setId("client-dialog-error");

        FormLayout layout = new FormLayout(alias, notes);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(error, layout);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("client-save");
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    void save() {
        error.setVisible(false);
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            ClientSummary saved = existing == null
                    ? clients.create(actor, form.getAlias(), form.getNotes())
                    : clients.update(actor, existing.id(), form.getAlias(), form.getNotes(), existing.version());
            close();
            onSaved.accept(saved);
        } catch (ConflictException e) {
            showError(getTranslation(e.messageKey()));
        } catch (NotFoundException e) {
            showError(getTranslation("error.not-found"));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                if ("alias".equals(field)) {
                    alias.setErrorMessage(getTranslation("clients.error.alias-invalid", Texts.ALIAS_MAX));
                    alias.setInvalid(true);
                } else if ("notes".equals(field)) {
                    notes.setErrorMessage(getTranslation("clients.error.notes-too-long", Texts.NOTE_MAX));
                    notes.setInvalid(true);
                } else {
                    showError(getTranslation("error.invalid", field + ": " + message));
                }
            });
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
