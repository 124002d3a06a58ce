package com.salescopilot.session.ui;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.TextNormalizer;
import com.salescopilot.base.Texts;
import com.salescopilot.security.Actor;
import com.salescopilot.session.Conclusion;
import com.salescopilot.session.LostReason;
import com.salescopilot.session.Outcome;
import com.salescopilot.session.SessionDetails;
import com.salescopilot.session.SessionService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * Concludes a session: won (the client bought) or lost (did not, with an optional reason and
 * competitor), an optional deal value and a note. A conflict (concluded already, or changed in another
 * tab since the cockpit loaded it) is shown here as a sentence, never as a stack trace.
 */
class ConcludeDialog extends Dialog {

    private final SessionService sessions;
    private final Actor actor;
    private final long sessionId;
    private final long expectedVersion;
    private final Consumer<SessionDetails> onConcluded;
    private final Runnable onConflict;

    final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
    final Select<LostReason> reason = new Select<>();
    final TextField competitor = new TextField();
    final BigDecimalField value = new BigDecimalField();
    final TextArea note = new TextArea();
    final Div error = new Div();
    final Button save = new Button();
    final Button cancel = new Button();

    ConcludeDialog(SessionService sessions, Actor actor, long sessionId, long expectedVersion, String currency,
                   Consumer<SessionDetails> onConcluded, Runnable onConflict) {
        this.sessions = sessions;
        this.actor = actor;
        this.sessionId = sessionId;
        this.expectedVersion = expectedVersion;
        this.onConcluded = onConcluded;
        this.onConflict = onConflict;
        addClassName("conclude-dialog");
        setHeaderTitle(getTranslation("conclude.title", sessionId));
        setWidth("min(36rem, 95vw)");

        outcome.setLabel(getTranslation("conclude.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("outcome.long." + o.code()));
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        outcome.setRequiredIndicatorVisible(true);
        outcome.setId("conclude-outcome");
        outcome.addValueChangeListener(e -> {
            outcome.setInvalid(false);
            updateLostFields();
        });

        reason.setLabel(getTranslation("conclude.reason"));
        reason.setItems(LostReason.values());
        reason.setItemLabelGenerator(r -> r == null ? "" : getTranslation("reason." + r.code()));
        reason.setEmptySelectionAllowed(true);
        reason.setEmptySelectionCaption(getTranslation("conclude.reason.none"));
        reason.setPlaceholder(getTranslation("conclude.reason.none"));
        reason.setId("conclude-reason");

        competitor.setLabel(getTranslation("conclude.competitor"));
        competitor.setMaxLength(Texts.COMPETITOR_MAX);
        competitor.setId("conclude-competitor");

        value.setLabel(getTranslation("conclude.value"));
        value.setSuffixComponent(new Span(currency));
        value.setId("conclude-value");

        note.setLabel(getTranslation("conclude.note"));
        note.setHelperText(getTranslation("conclude.note.helper", Texts.NOTE_MAX));
        note.setId("conclude-note");
        note.setMinHeight("6em");

        error.addClassName("dialog-error");
        error.setId("conclude-error");
        error.setVisible(false);

        FormLayout form = new FormLayout(outcome, reason, competitor, value, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(outcome, 2);
        form.setColspan(note, 2);
        add(error, form);

        save.setText(getTranslation("conclude.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("conclude-save");
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("action.cancel"));
        cancel.addClickListener(e -> close());
        cancel.setId("conclude-cancel");
        getFooter().add(cancel, save);
        updateLostFields();
    }

    private void updateLostFields() {
        boolean lost = outcome.getValue() == Outcome.LOST;
        reason.setVisible(lost);
        competitor.setVisible(lost);
        if (!lost) {
            reason.clear();
            competitor.clear();
        }
    }

    void save() {
        error.setVisible(false);
        outcome.setInvalid(false);
        note.setInvalid(false);
        competitor.setInvalid(false);
        value.setInvalid(false);
        boolean valid = true;
        if (outcome.getValue() == null) {
            invalid(outcome, getTranslation("conclude.error.outcome-required"));
            valid = false;
        }
        String cleanNote = TextNormalizer.trimToNull(note.getValue());
        if (cleanNote != null && cleanNote.length() > Texts.NOTE_MAX) {
            invalid(note, getTranslation("conclude.error.note-too-long", Texts.NOTE_MAX, cleanNote.length()));
            valid = false;
        }
        if (value.getValue() != null && value.getValue().signum() < 0) {
            invalid(value, getTranslation("conclude.error.value-negative"));
            valid = false;
        }
        if (value.isInvalid()) {
            valid = false;
        }
        if (!valid) {
            return;
        }
        Outcome chosen = outcome.getValue();
        Conclusion conclusion = new Conclusion(chosen.code(),
                chosen == Outcome.LOST && reason.getValue() != null ? reason.getValue().code() : null,
                chosen == Outcome.LOST ? competitor.getValue() : null,
                value.getValue(), null, note.getValue());
        try {
            SessionDetails concluded = sessions.conclude(actor, sessionId, conclusion, expectedVersion);
            close();
            onConcluded.accept(concluded);
        } catch (ConflictException e) {
            showError(getTranslation(e.messageKey()));
            save.setEnabled(false);
            onConflict.run();
        } catch (NotFoundException e) {
            showError(getTranslation("error.not-found"));
            save.setEnabled(false);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                switch (field) {
                    case "note" -> invalid(note, getTranslation("conclude.error.note-too-long", Texts.NOTE_MAX,
                            note.getValue().strip().length()));
                    case "competitor" -> invalid(competitor, getTranslation("conclude.error.competitor-invalid",
                            Texts.COMPETITOR_MAX));
                    case "value" -> invalid(value, getTranslation("conclude.error.value-negative"));
                    default -> showError(getTranslation("error.invalid", field + ": " + message));
                }
            });
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
