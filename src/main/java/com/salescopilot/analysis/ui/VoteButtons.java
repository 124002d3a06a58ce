package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.SuggestionVotes;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.Texts;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 👍/👎 beside one suggestion, and an optional comment once voted. A click shows the pressed thumb at
 * once in the browser (before the server answers), the server records the vote and confirms it, or
 * reverts and says why. The other thumb changes the vote.
 */
final class VoteButtons extends Div {

    private static final Logger log = LoggerFactory.getLogger(VoteButtons.class);

    /** Marks the clicked thumb in the browser at once; the server's answer then confirms or reverts it. */
    private static final String OPTIMISTIC = """
            if (!this.__copilotVotes) {
              this.__copilotVotes = true;
              this.addEventListener('click', e => {
                const b = e.target.closest && e.target.closest(".vote-button");
                if (b && this.contains(b)) { this.setAttribute('data-pending-vote', b.getAttribute('data-vote')); }
              }, true);
            }""";

    private final SuggestionVotes votes;
    private final Actor actor;
    private final long interactionId;
    private final String suggestionId;
    private Integer score;

    final Button up = new Button("👍");
    final Button down = new Button("👎");
    final Button comment = new Button("💬");

    VoteButtons(SuggestionVotes votes, Actor actor, long interactionId, String suggestionId, Integer initialScore) {
        this.votes = votes;
        this.actor = actor;
        this.interactionId = interactionId;
        this.suggestionId = suggestionId;
        this.score = initialScore;
        addClassName("vote-buttons");
        getElement().setAttribute("data-suggestion-id", suggestionId);
        setup(up, "up", "feedback.helpful", 1);
        setup(down, "down", "feedback.not-helpful", -1);
        comment.addClassName("vote-comment");
        comment.setId("vote-comment-" + interactionId + "-" + suggestionId);
        comment.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        comment.setAriaLabel(getTranslation("feedback.comment"));
        comment.setTooltipText(getTranslation("feedback.comment"));
        comment.addClickListener(e -> openCommentDialog());
        add(up, down, comment);
        showScore();
    }

    private void setup(Button button, String direction, String labelKey, int value) {
        button.addClassNames("vote-button", "vote-" + direction);
        button.setId("vote-" + direction + "-" + interactionId + "-" + suggestionId);
        button.getElement().setAttribute("data-vote", direction);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        button.addClickListener(e -> vote(value));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs(OPTIMISTIC);
    }

    /** The confirmed vote: 1, −1, or null when none. */
    Integer score() {
        return score;
    }

    void vote(int value) {
        if (score != null && score == value) {
            clearPending();
            return;
        }
        try {
            votes.vote(actor, interactionId, suggestionId, value, null);
            score = value;
        } catch (RuntimeException e) {
            log.warn("Could not record the vote on {} of interaction {}: {}", suggestionId, interactionId, e.toString());
            Notification n = Notification.show(getTranslation("feedback.error"), 5000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        showScore();
        clearPending();
    }

    private void showScore() {
        up.getElement().setAttribute("aria-pressed", String.valueOf(score != null && score > 0));
        down.getElement().setAttribute("aria-pressed", String.valueOf(score != null && score < 0));
        getElement().setAttribute("data-score", score == null ? "none" : score > 0 ? "up" : "down");
        comment.setVisible(score != null);
    }

    private void clearPending() {
        getElement().executeJs("this.removeAttribute('data-pending-vote')");
    }

    private void openCommentDialog() {
        if (score == null) {
            return;
        }
        new CommentDialog().open();
    }

    /** An optional comment on the vote: what was wrong or right about the suggestion. */
    final class CommentDialog extends Dialog {

        final TextArea text = new TextArea();
        final Button save = new Button();

        CommentDialog() {
            addClassName("vote-comment-dialog");
            setHeaderTitle(getTranslation("feedback.comment.title"));
            Span hint = new Span(getTranslation(score > 0 ? "feedback.comment.hint.up" : "feedback.comment.hint.down"));
            hint.addClassName("vote-comment-hint");
            text.setLabel(getTranslation("feedback.comment.label"));
            text.setMaxLength(Texts.NOTE_MAX);
            text.setWidthFull();
            text.setId("vote-comment-text");
            save.setText(getTranslation("action.save"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("vote-comment-save");
            save.addClickListener(e -> save());
            Button cancel = new Button(getTranslation("action.cancel"), e -> close());
            add(hint, text);
            getFooter().add(cancel, save);
            setWidth("28rem");
        }

        void save() {
            String value = text.getValue() == null ? "" : text.getValue().strip();
            if (value.isEmpty()) {
                close();
                return;
            }
            try {
                votes.vote(actor, interactionId, suggestionId, score, value);
            } catch (InvalidInputException e) {
                text.setErrorMessage(getTranslation("feedback.comment.invalid", Texts.NOTE_MAX));
                text.setInvalid(true);
                return;
            }
            close();
            Notification.show(getTranslation("feedback.comment.saved"), 3000, Notification.Position.BOTTOM_START);
        }
    }
}
