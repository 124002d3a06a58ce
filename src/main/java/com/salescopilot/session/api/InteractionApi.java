package com.salescopilot.session.api;

import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.session.InteractionDetailsContributor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final SessionService sessions;
    private final CurrentUser currentUser;
    private final List<InteractionDetailsContributor> contributors;

    InteractionApi(SessionService sessions, CurrentUser currentUser, List<InteractionDetailsContributor> contributors) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.contributors = contributors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an interaction; without session_id a session (and, without client_id, a client "
            + "named client_alias) is created first")
    Map<String, Object> record(@RequestBody InteractionRequest request) {
        RecordedInteraction recorded = sessions.record(currentUser.require(), new RecordInteraction(request.sessionId(),
                request.clientId(), request.clientAlias(), request.type(), request.text(), request.language()));
        InteractionView i = recorded.interaction();
        Map<String, Object> body = base(i);
        body.put("session_created", recorded.sessionCreated());
        body.put("client_created", recorded.clientCreated());
        contributors.forEach(c -> body.putAll(c.justRecorded(i)));
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An interaction with its fast answer, its analysis (or the analysis status) and the feedback")
    Map<String, Object> get(@PathVariable long id) {
        Actor actor = currentUser.require();
        InteractionView i = sessions.interaction(actor, id);
        Map<String, Object> body = base(i);
        contributors.forEach(c -> body.putAll(c.details(actor, i)));
        return body;
    }

    private static Map<String, Object> base(InteractionView i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", i.id());
        body.put("session_id", i.sessionId());
        body.put("type", i.type().code());
        body.put("text", i.text());
        body.put("author", i.author());
        body.put("created_at", i.createdAt());
        return body;
    }
}
