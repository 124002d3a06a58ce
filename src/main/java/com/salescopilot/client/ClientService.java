package com.salescopilot.client;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.TextNormalizer;
import com.salescopilot.base.Texts;
import com.salescopilot.client.domain.Client;
import com.salescopilot.client.domain.ClientRepository;
import com.salescopilot.security.Actor;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The door of the client module. A seller sees their own clients; a manager and an admin see all. */
@Service
@Transactional
public class ClientService {

    private final ClientRepository clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientService(ClientRepository clients, ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    public ClientSummary create(Actor actor, String alias, String notes) {
        Texts.Check check = new Texts.Check();
        String cleanAlias = check.required("alias", alias, Texts.ALIAS_MAX);
        String cleanNotes = check.optional("notes", notes, Texts.NOTE_MAX);
        check.throwIfAny();
        return toSummary(clients.save(new Client(actor.userId(), cleanAlias, cleanNotes, clock.instant())));
    }

    /**
     * Changes alias and notes. {@code expectedVersion} (when not null) is the version the editor loaded:
     * a different one means somebody else saved in between.
     */
    public ClientSummary update(Actor actor, long id, String alias, String notes, Long expectedVersion) {
        Texts.Check check = new Texts.Check();
        String cleanAlias = check.required("alias", alias, Texts.ALIAS_MAX);
        String cleanNotes = check.optional("notes", notes, Texts.NOTE_MAX);
        check.throwIfAny();
        Client client = loadVisible(actor, id);
        if (expectedVersion != null && expectedVersion != client.getVersion()) {
            throw new ConflictException("error.stale-client",
                    "This client was changed by someone else in the meantime; reload and try again");
        }
        client.update(cleanAlias, cleanNotes, clock.instant());
        clients.flush();
        return toSummary(client);
    }

    @Transactional(readOnly = true)
    public ClientSummary get(Actor actor, long id) {
        return toSummary(loadVisible(actor, id));
    }

    /** Newest first; {@code query} (optional) matches the alias ignoring case and Polish diacritics. */
    @Transactional(readOnly = true)
    public Slice<ClientSummary> search(Actor actor, String query, Pageable pageable) {
        String folded = TextNormalizer.fold(query);
        Slice<Client> page;
        if (folded.isEmpty()) {
            page = actor.seesEveryone() ? clients.findAllNewestFirst(pageable) : clients.findOwned(actor.userId(), pageable);
        } else {
            String pattern = TextNormalizer.containsPattern(folded);
            page = actor.seesEveryone() ? clients.searchAll(pattern, pageable)
                    : clients.searchOwned(actor.userId(), pattern, pageable);
        }
        return page.map(ClientService::toSummary);
    }

    /** The alias of a client, for background work that already checked ownership of what refers to it. */
    @Transactional(readOnly = true)
    public String aliasOf(long clientId) {
        return clients.findById(clientId).map(Client::getAlias).orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    /**
     * GDPR erasure: the client and every session, interaction and analysis about them (the database
     * cascades). Admin only.
     */
    public void erase(Actor actor, long id) {
        actor.requireAdmin();
        if (!clients.existsById(id)) {
            throw new NotFoundException("Client", id);
        }
        events.publishEvent(new ClientErased(id, actor.userId()));
        clients.eraseById(id);
    }

    private Client loadVisible(Actor actor, long id) {
        return clients.findById(id)
                .filter(c -> actor.canSee(c.getOwnerId()))
                .orElseThrow(() -> new NotFoundException("Client", id));
    }

    static ClientSummary toSummary(Client c) {
        return new ClientSummary(c.getId(), c.getAlias(), c.getNotes(), c.getOwnerId(), c.getCreatedAt(),
                c.getUpdatedAt(), c.getVersion());
    }
}
