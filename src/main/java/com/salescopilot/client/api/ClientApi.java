package com.salescopilot.client.api;

import com.salescopilot.base.api.PageResponse;
import com.salescopilot.base.api.Paging;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients")
class ClientApi {

    record ClientRequest(String alias, String notes, Long version) {
    }

    record ClientResponse(long id, String alias, String notes, long ownerId, Instant createdAt, Instant updatedAt,
                          long version) {
        static ClientResponse of(ClientSummary c) {
            return new ClientResponse(c.id(), c.alias(), c.notes(), c.ownerId(), c.createdAt(), c.updatedAt(), c.version());
        }
    }

    private final ClientService clients;
    private final CurrentUser currentUser;

    ClientApi(ClientService clients, CurrentUser currentUser) {
        this.clients = clients;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "List clients, newest first; q matches the alias ignoring case and Polish diacritics")
    PageResponse<ClientResponse> list(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return PageResponse.of(clients.search(currentUser.require(), q, Paging.of(page, size)), ClientResponse::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a client")
    ClientResponse create(@RequestBody ClientRequest request) {
        return ClientResponse.of(clients.create(currentUser.require(), request.alias(), request.notes()));
    }

    @GetMapping("/{id}")
    ClientResponse get(@PathVariable long id) {
        return ClientResponse.of(clients.get(currentUser.require(), id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change alias and notes; send the version you read to detect concurrent edits (409)")
    ClientResponse update(@PathVariable long id, @RequestBody ClientRequest request) {
        return ClientResponse.of(clients.update(currentUser.require(), id, request.alias(), request.notes(),
                request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase a client and everything about them (GDPR; admin only)")
    void erase(@PathVariable long id) {
        clients.erase(currentUser.require(), id);
    }
}
