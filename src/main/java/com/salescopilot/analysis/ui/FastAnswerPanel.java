package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.FastAnswerView;
import com.salescopilot.analysis.FastResult;
import com.salescopilot.analysis.FastStatus;
import com.salescopilot.analysis.LiveFastAnswer;
import com.salescopilot.analysis.ai.FastAnswer;
import com.salescopilot.analysis.ai.FastAnswerStreamParser;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.base.ConflictException;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The co-pilot's fast answer under one interaction: "thinking" at once, then the quick response and the
 * suggested questions growing as the model streams them, a notice with Cancel when the first words are
 * late, and finally the answer with 👍/👎 on each item, or a clear failure (keeping any partial text).
 * <p>
 * Live snapshots come from {@code FastStreams} when the answer streams on this instance; a stream on
 * another instance is followed through the session's {@code FAST_DONE} event and read from the
 * database. Updates from background threads are coalesced ({@link LatestOnly}). Model text is only
 * ever set as text.
 */
final class FastAnswerPanel extends Div {

    /** A stream still "running" in the database this long after it began died with its instance. */
    private static final Duration STALE_MARGIN = Duration.ofMinutes(1);

    /** What the panel shows, whichever source it came from. */
    record Shown(FastStatus status, String quickResponse, List<String> questions, boolean late, String errorKey,
                 FastResult result) {

        boolean nothingYet() {
            return quickResponse.isBlank() && questions.isEmpty();
        }
    }

    private final CockpitParts parts;
    private final Actor actor;
    private final long sessionId;
    private final long interactionId;

    final Div thinking = new Div();
    final Div late = new Div();
    final Span lateText = new Span();
    final Button cancel = new Button();
    final Div quickBlock = new Div();
    final Paragraph quickText = new Paragraph();
    final Div questionsBlock = new Div();
    final UnorderedList questions = new UnorderedList();
    final Div message = new Div();

    private Shown shown;
    private boolean finished;
    private final List<Runnable> registrations = new ArrayList<>();

    FastAnswerPanel(CockpitParts parts, Actor actor, long sessionId, long interactionId) {
        this.parts = parts;
        this.actor = actor;
        this.sessionId = sessionId;
        this.interactionId = interactionId;
        addClassName("fast-answer");
        setId("fast-answer-" + interactionId);
        getElement().setAttribute("aria-live", "polite");

        Span dots = new Span(new Span(), new Span(), new Span());
        dots.addClassName("typing-dots");
        dots.getElement().setAttribute("aria-hidden", "true");
        Span thinkingText = new Span(getTranslation("fast.thinking"));
        thinking.add(dots, thinkingText);
        thinking.addClassName("fast-thinking");

        cancel.setText(getTranslation("fast.cancel"));
        cancel.addClassName("fast-cancel");
        cancel.setId("fast-cancel-" + interactionId);
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> cancel());
        late.add(lateText, cancel);
        late.addClassName("fast-late");

        Span sayLabel = new Span(getTranslation("fast.say"));
        sayLabel.addClassName("fast-label");
        quickText.addClassName("fast-quick-text");
        quickBlock.add(sayLabel, quickText);
        quickBlock.addClassName("fast-quick");

        Span askLabel = new Span(getTranslation("fast.ask"));
        askLabel.addClassName("fast-label");
        questions.addClassName("fast-questions-list");
        questionsBlock.add(askLabel, questions);
        questionsBlock.addClassName("fast-questions");

        message.addClassName("fast-message");
        add(thinking, late, quickBlock, questionsBlock, message);
        render(initial());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        detachListeners();
        if (finished) {
            // nothing more will stream; another instance's stream is covered by the database read above
            return;
        }
        LatestOnly<Shown> updates = new LatestOnly<>(attachEvent.getUI(), this::render);
        registrations.add(parts.streams().listen(interactionId, live -> updates.offer(fromLive(live))));
        LatestOnly<Boolean> reload = new LatestOnly<>(attachEvent.getUI(), x -> reloadStored());
        registrations.add(parts.bus().register(sessionId, event -> {
            if (event.kind() == SessionEvent.Kind.FAST_DONE && event.refId() == interactionId) {
                reload.offer(Boolean.TRUE);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachListeners();
        super.onDetach(detachEvent);
    }

    private void detachListeners() {
        registrations.forEach(Runnable::run);
        registrations.clear();
    }

    /** The live snapshot when the answer streams on this instance, else what the database holds. */
    private Shown initial() {
        return parts.analysis().live(interactionId).map(FastAnswerPanel::fromLive)
                .orElseGet(() -> parts.analysis().fastAnswer(actor, interactionId).map(this::fromStored).orElse(null));
    }

    private void reloadStored() {
        parts.analysis().fastAnswer(actor, interactionId).map(this::fromStored)
                .filter(s -> s.status().finished())
                .ifPresent(this::render);
    }

    static Shown fromLive(LiveFastAnswer live) {
        return new Shown(live.status(), nullToEmpty(live.quickResponse()), live.questions() == null ? List.of()
                : live.questions(), live.late(), live.errorCode() == null ? null : AiTexts.errorKey(live.errorCode()),
                live.result());
    }

    private Shown fromStored(FastAnswerView stored) {
        return switch (stored.status()) {
            case DONE -> {
                FastResult result = stored.result() != null ? stored.result() : new FastResult(interactionId, "", List.of());
                yield new Shown(FastStatus.DONE, result.quickResponse(), result.questions(), false, null, result);
            }
            case FAILED, CANCELLED -> {
                FastAnswer partial = FastAnswerStreamParser.parse(nullToEmpty(stored.partialText()));
                yield new Shown(stored.status(), partial.quickResponse(), partial.questions(), false,
                        stored.status() == FastStatus.CANCELLED ? null : AiTexts.errorKey(stored.errorCode()), null);
            }
            case PENDING, STREAMING -> {
                Instant began = stored.createdAt() == null ? Instant.now() : stored.createdAt();
                Duration limit = parts.ai().streamTotalTimeout().plus(parts.ai().fast().timeout()).plus(STALE_MARGIN);
                if (began.plus(limit).isBefore(Instant.now())) {
                    // its instance stopped while it streamed: it will never finish
                    yield new Shown(FastStatus.FAILED, "", List.of(), false, "fast.interrupted", null);
                }
                yield new Shown(stored.status(), "", List.of(), false, null, null);
            }
        };
    }

    /** What is on screen now (for tests), or null before anything is known. */
    Shown shown() {
        return shown;
    }

    void render(Shown next) {
        if (next == null) {
            setVisible(false);
            return;
        }
        if (finished) {
            return; // a late snapshot never replaces the final state
        }
        setVisible(true);
        shown = next;
        getElement().setAttribute("data-status", next.status().code());
        boolean waiting = !next.status().finished() && next.nothingYet();
        thinking.setVisible(waiting);
        late.setVisible(waiting && next.late());
        if (waiting && next.late()) {
            lateText.setText(getTranslation("fast.late", seconds(parts.ai().firstTokenNotice())));
        }
        setClassName("streaming", next.status() == FastStatus.STREAMING);
        if (next.status().finished()) {
            finished = true;
            detachListeners();
            renderFinal(next);
        } else {
            renderStreaming(next);
        }
        followTheAnswer();
    }

    /** Keeps the growing answer in view, unless the seller has scrolled up to read something else. */
    private void followTheAnswer() {
        if (isAttached()) {
            getElement().executeJs("const s = this.closest('vaadin-scroller');"
                    + " if (s && s.scrollHeight - s.scrollTop - s.clientHeight < 160) { s.scrollTop = s.scrollHeight; }");
        }
    }

    private void renderStreaming(Shown next) {
        quickText.setText(next.quickResponse());
        quickBlock.setVisible(!next.quickResponse().isBlank());
        List<ListItem> items = questions.getChildren().map(ListItem.class::cast).toList();
        for (int i = 0; i < next.questions().size(); i++) {
            String question = next.questions().get(i);
            if (i < items.size()) {
                ((Span) items.get(i).getComponentAt(0)).setText(question);
            } else {
                questions.add(questionItem(question, null));
            }
        }
        for (int i = next.questions().size(); i < items.size(); i++) {
            questions.remove(items.get(i));
        }
        questionsBlock.setVisible(!next.questions().isEmpty());
        message.setVisible(false);
    }

    private void renderFinal(Shown last) {
        quickBlock.removeAll();
        questions.removeAll();
        Span sayLabel = new Span(getTranslation("fast.say"));
        sayLabel.addClassName("fast-label");
        quickText.setText(last.quickResponse());
        quickBlock.add(sayLabel, quickText);
        boolean done = last.status() == FastStatus.DONE && last.result() != null;
        Map<String, Integer> votes = done ? parts.votes().votes(actor, interactionId) : Map.of();
        if (done && !last.quickResponse().isBlank()) {
            String id = last.result().quickResponseId();
            quickBlock.add(new VoteButtons(parts.votes(), actor, interactionId, id, votes.get(id)));
        }
        quickBlock.setVisible(!last.quickResponse().isBlank());
        for (int i = 0; i < last.questions().size(); i++) {
            String id = done ? last.result().questionId(i + 1) : null;
            questions.add(questionItem(last.questions().get(i),
                    id == null ? null : new VoteButtons(parts.votes(), actor, interactionId, id, votes.get(id))));
        }
        questionsBlock.setVisible(!last.questions().isEmpty());
        boolean partial = !done && !last.nothingYet();
        setClassName("partial", partial);
        message.removeAll();
        message.removeClassNames("fast-error", "fast-cancelled", "fast-empty");
        switch (last.status()) {
            case FAILED -> {
                message.addClassName("fast-error");
                message.add(new Span(getTranslation(last.errorKey() == null ? "ai.error.other" : last.errorKey())));
                if (partial) {
                    message.add(new Span(" " + getTranslation("fast.partial")));
                }
                message.setVisible(true);
            }
            case CANCELLED -> {
                message.addClassName("fast-cancelled");
                message.add(new Span(getTranslation("fast.cancelled")));
                message.setVisible(true);
            }
            default -> {
                message.addClassName("fast-empty");
                message.add(new Span(getTranslation("fast.empty")));
                message.setVisible(last.nothingYet());
            }
        }
    }

    private static ListItem questionItem(String question, VoteButtons votes) {
        Span text = new Span();
        text.setText(question);
        text.addClassName("fast-question-text");
        ListItem item = new ListItem(text);
        item.addClassName("fast-question");
        if (votes != null) {
            item.add(votes);
        }
        return item;
    }

    private void cancel() {
        try {
            parts.fastPath().cancel(actor, interactionId);
        } catch (ConflictException e) {
            Notification n = Notification.show(getTranslation(e.messageKey()), 4000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
    }

    private String seconds(Duration duration) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(duration.toMillis() < 10_000 ? 1 : 0);
        return format.format(duration.toMillis() / 1000.0);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
