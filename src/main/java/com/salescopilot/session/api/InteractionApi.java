package com.salescopilot.session.api;

import com.salescopilot.security.CurrentUser;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.RecordedInteraction;
import com.salescopilot.session.SessionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions")
class InteractionApi {

    record InteractionRequest(Long sessionId, Long clientId, String clientAlias, String type, String text,
                              String language) {
    }

    record InteractionResponse(long id, long sessionId, String type, String text, String author, Instant createdAt) {
        static InteractionResponse of(InteractionView i) {
            return new InteractionResponse(i.id(), i.sessionId(), i.type().code(), i.text(), i.author(), i.createdAt());
        }
    }

    record RecordedResponse(long id, long sessionId, String type, String text, String author, Instant createdAt,
                            boolean sessionCreated, boolean clientCreated) {
        static RecordedResponse of(RecordedInteraction r) {
            InteractionView i = r.interaction();
            return new RecordedResponse(i.id(), i.sessionId(), i.type().code(), i.text(), i.author(), i.createdAt(),
                    r.sessionCreated(), r.clientCreated());
        }
    }

    private final SessionService sessions;
    private final CurrentUser currentUser;

    InteractionApi(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an interaction; without session_id a session (and, without client_id, a client "
            + "named client_alias) is created first")
    RecordedResponse record(@RequestBody InteractionRequest request) {
        return RecordedResponse.of(sessions.record(currentUser.require(), new RecordInteraction(request.sessionId(),
                request.clientId(), request.clientAlias(), request.type(), request.text(), request.language())));
    }

    @GetMapping("/{id}")
    InteractionResponse get(@PathVariable long id) {
        return InteractionResponse.of(sessions.interaction(currentUser.require(), id));
    }
}
