package com.salescopilot.feedback.api;

import com.salescopilot.feedback.FeedbackService;
import com.salescopilot.security.Actor;
import com.salescopilot.session.InteractionDetailsContributor;
import com.salescopilot.session.InteractionView;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Puts the feedback on an interaction's suggestions into the API's interaction. */
@Component
class FeedbackDetails implements InteractionDetailsContributor {

    private final FeedbackService feedback;

    FeedbackDetails(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public Map<String, Object> details(Actor actor, InteractionView interaction) {
        return Map.of("feedback", feedback.ofInteraction(actor, interaction.id()));
    }
}
