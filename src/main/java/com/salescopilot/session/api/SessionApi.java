package com.salescopilot.session.api;

import com.salescopilot.base.api.PageResponse;
import com.salescopilot.base.api.Paging;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.session.Conclusion;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.OutcomeData;
import com.salescopilot.session.SessionDetails;
import com.salescopilot.session.SessionFilter;
import com.salescopilot.session.SessionRow;
import com.salescopilot.session.SessionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions")
class SessionApi {

    record SessionItem(long id, long clientId, String clientAlias, String owner, String status, String outcome,
                       Instant createdAt, Instant lastActivityAt) {
        static SessionItem of(SessionRow r) {
            return new SessionItem(r.id(), r.clientId(), r.clientAlias(), r.owner(), r.status().code(),
                    r.outcome() == null ? null : r.outcome().code(), r.createdAt(), r.lastActivityAt());
        }
    }

    record ClientRef(long id, String alias) {
        static ClientRef of(ClientSummary c) {
            return new ClientRef(c.id(), c.alias());
        }
    }

    record SessionResponse(long id, ClientRef client, String owner, String status, OutcomeData outcomeData,
                           String language, Instant createdAt, Instant lastActivityAt, long version,
                           List<InteractionApi.InteractionResponse> interactions) {
        static SessionResponse of(SessionDetails d) {
            return new SessionResponse(d.id(), ClientRef.of(d.client()), d.owner(), d.status().code(), d.outcomeData(),
                    d.language(), d.createdAt(), d.lastActivityAt(), d.version(),
                    d.interactions().stream().map(InteractionApi.InteractionResponse::of).toList());
        }
    }

    record ConcludeRequest(String outcome, String reason, String competitor, BigDecimal value, String currency,
                           String note, Long version) {
    }

    private final SessionService sessions;
    private final CurrentUser currentUser;

    SessionApi(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Sessions, newest activity first; status = active|closed, q matches the client alias")
    PageResponse<SessionItem> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(name = "client_id", required = false) Long clientId,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        SessionFilter filter = new SessionFilter(SessionService.parseStatus(status), q, clientId);
        return PageResponse.of(sessions.dashboard(currentUser.require(), filter, Paging.of(page, size)), SessionItem::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A session with its client, outcome and all interactions in order")
    SessionResponse get(@PathVariable long id) {
        return SessionResponse.of(sessions.get(currentUser.require(), id));
    }

    @PostMapping("/{id}/conclude")
    @Operation(summary = "Conclude with outcome won|lost (lost: optional reason and competitor); 409 if already closed")
    SessionResponse conclude(@PathVariable long id, @RequestBody ConcludeRequest request) {
        return SessionResponse.of(sessions.conclude(currentUser.require(), id,
                new Conclusion(request.outcome(), request.reason(), request.competitor(), request.value(),
                        request.currency(), request.note()), request.version()));
    }
}
