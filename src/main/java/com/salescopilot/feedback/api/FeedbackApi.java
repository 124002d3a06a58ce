package com.salescopilot.feedback.api;

import com.salescopilot.feedback.FeedbackService;
import com.salescopilot.feedback.FeedbackView;
import com.salescopilot.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Feedback")
class FeedbackApi {

    record FeedbackRequest(String suggestionId, String suggestionType, Integer score, String comment) {
    }

    private final FeedbackService feedback;
    private final CurrentUser currentUser;

    FeedbackApi(FeedbackService feedback, CurrentUser currentUser) {
        this.feedback = feedback;
        this.currentUser = currentUser;
    }

    @PostMapping("/{id}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "👍 (score 1) or 👎 (score -1) on a suggestion of this interaction; voting again changes the vote")
    FeedbackView record(@PathVariable long id, @RequestBody FeedbackRequest request) {
        return feedback.record(currentUser.require(), id, request.suggestionId(), request.suggestionType(),
                request.score(), request.comment());
    }
}
