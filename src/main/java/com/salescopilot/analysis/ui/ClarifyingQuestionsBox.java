package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.AnsweredQuestion;
import com.salescopilot.analysis.ClarifyingQuestion;
import com.salescopilot.analysis.StoredAnalysis;
import com.salescopilot.analysis.SuggestionIds;
import com.salescopilot.base.ConflictException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;

/**
 * The analysis's clarifying questions for the seller (at most two) as one-click choices: A or B
 * records a clarification interaction in the session, which queues a new analysis; answered questions
 * are not shown again.
 */
final class ClarifyingQuestionsBox extends Div {

    private final PanelBits bits;
    private final StoredAnalysis analysis;
    private final Runnable afterAnswer;

    ClarifyingQuestionsBox(PanelBits bits, StoredAnalysis analysis, List<AnsweredQuestion> answered,
                           Runnable afterAnswer) {
        this.bits = bits;
        this.analysis = analysis;
        this.afterAnswer = afterAnswer;
        setId("analysis-questions");
        addClassName("analysis-questions");
        List<ClarifyingQuestion> questions = analysis.result().clarifyingQuestions();
        int shown = 0;
        for (int i = 0; i < questions.size(); i++) {
            ClarifyingQuestion q = questions.get(i);
            if (q.question().isBlank() || answered.stream().anyMatch(a -> a.answers(q))) {
                continue;
            }
            add(question(SuggestionIds.clarifyingQuestion(i + 1), q));
            shown++;
        }
        if (shown > 0) {
            addComponentAsFirst(bits.label("analysis.section.questions"));
        }
        setVisible(shown > 0);
    }

    private Div question(String id, ClarifyingQuestion q) {
        Div row = new Div();
        row.addClassName("clarifying-question");
        row.setId("question-" + id);
        Button a = choice(id, 'A', q.optionA());
        Button b = choice(id, 'B', q.optionB());
        Div options = new Div(a, b);
        options.addClassName("question-options");
        Div question = bits.voted(null, id, q.question());
        question.addComponentAtIndex(1, options);
        row.add(question);
        if (!q.settles().isBlank()) {
            Span settles = PanelBits.text(null, bits.t("analysis.question.settles", q.settles()));
            settles.addClassName("analysis-note");
            row.add(settles);
        }
        return row;
    }

    private Button choice(String id, char letter, String text) {
        Button button = new Button(letter + ": " + text);
        button.setId("answer-" + id + "-" + Character.toLowerCase(letter));
        button.addClassName("question-choice");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setDisableOnClick(true);
        button.addClickListener(e -> answer(id, letter));
        return button;
    }

    private void answer(String id, char letter) {
        try {
            bits.parts.analysis().answerClarifyingQuestion(bits.actor, analysis.id(), id, letter);
            Notification.show(bits.t("analysis.question.recorded"), 3000, Notification.Position.BOTTOM_END);
        } catch (ConflictException e) {
            Notification n = Notification.show(bits.t(e.messageKey()), 5000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
        afterAnswer.run();
    }
}
