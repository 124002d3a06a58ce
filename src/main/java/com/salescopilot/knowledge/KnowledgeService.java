package com.salescopilot.knowledge;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.Texts;
import com.salescopilot.knowledge.domain.KnowledgeStore;
import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The door of the knowledge base. Everyone signed in reads; managers and admins create, edit, archive and
 * restore. Every change is a new version with a history entry (who, when, what). PostgreSQL is written
 * first; the vector index follows after commit (see {@link KnowledgeIndexer}).
 */
@Service
@Transactional
public class KnowledgeService {

    public static final int TITLE_MAX = 200;
    public static final int CONTENT_MAX = 20_000;
    public static final int TAGS_MAX = 10;
    public static final int TAG_MAX = 40;
    public static final int ARCHETYPES_MAX = 10;
    public static final int SOURCE_MAX = 1000;
    public static final int EXTERNAL_ID_MAX = 200;
    public static final Set<String> LANGUAGES = Set.of("pl", "en");

    private final KnowledgeStore store;
    private final KnowledgeIndexer indexer;
    private final Clock clock;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    KnowledgeService(KnowledgeStore store, KnowledgeIndexer indexer, Clock clock) {
        this.store = store;
        this.indexer = indexer;
        this.clock = clock;
    }

    public Nugget create(Actor actor, NuggetInput input) {
        actor.requireManagerOrAdmin();
        return insert(actor, validate(input), null, NuggetOrigin.MANUAL, NuggetRevision.Action.CREATED);
    }

    /**
     * Changes a nugget. {@code expectedVersion} (when not null) is the version the editor loaded: another
     * one means somebody saved in between (409).
     */
    public Nugget update(Actor actor, long id, NuggetInput input, Integer expectedVersion) {
        actor.requireManagerOrAdmin();
        NuggetInput clean = validate(input);
        Nugget current = load(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConflictException("knowledge.error.stale",
                    "This nugget was changed by someone else in the meantime; reload and try again");
        }
        return write(actor, current, clean, NuggetRevision.Action.UPDATED);
    }

    /** Archives (the API's DELETE): the nugget stays, with its history, but is no longer searched or retrieved. */
    public Nugget archive(Actor actor, long id) {
        return setStatus(actor, id, NuggetStatus.ARCHIVED, NuggetRevision.Action.ARCHIVED);
    }

    public Nugget restore(Actor actor, long id) {
        return setStatus(actor, id, NuggetStatus.ACTIVE, NuggetRevision.Action.RESTORED);
    }

    @Transactional(readOnly = true)
    public Nugget get(Actor actor, long id) {
        Objects.requireNonNull(actor);
        return load(id);
    }

    /** Newest change first. */
    @Transactional(readOnly = true)
    public Slice<Nugget> list(Actor actor, KnowledgeFilter filter, Pageable pageable) {
        Objects.requireNonNull(actor);
        return store.list(filter, pageable);
    }

    /** The nugget's versions, newest first. */
    @Transactional(readOnly = true)
    public List<NuggetRevision> history(Actor actor, long id) {
        Objects.requireNonNull(actor);
        load(id);
        return store.history(id);
    }

    @Transactional(readOnly = true)
    public List<String> tags(Actor actor) {
        Objects.requireNonNull(actor);
        return store.tags();
    }

    /** What an import did with one row. */
    public enum ImportOutcome {
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * Creates or updates the nugget with this external id (an import's row), in its own transaction. A row
     * equal to the stored nugget changes nothing (no new version). An archived nugget stays archived.
     */
    public ImportOutcome importOne(Actor actor, String externalId, NuggetInput input, boolean indexNow) {
        actor.requireManagerOrAdmin();
        NuggetInput clean = validate(input);
        String id = externalId == null ? null : externalId.strip();
        if (id != null && id.length() > EXTERNAL_ID_MAX) {
            throw new com.salescopilot.base.InvalidInputException("id", "must be at most " + EXTERNAL_ID_MAX + " characters");
        }
        if (id == null || id.isEmpty()) {
            insert(actor, clean, null, NuggetOrigin.IMPORT, NuggetRevision.Action.IMPORTED, indexNow);
            return ImportOutcome.CREATED;
        }
        var existing = store.findByExternalId(id);
        if (existing.isEmpty()) {
            insert(actor, clean, id, NuggetOrigin.IMPORT, NuggetRevision.Action.IMPORTED, indexNow);
            return ImportOutcome.CREATED;
        }
        if (NuggetInput.of(existing.get()).equals(clean)) {
            return ImportOutcome.UNCHANGED;
        }
        write(actor, existing.get(), clean, NuggetRevision.Action.IMPORTED, indexNow);
        return ImportOutcome.UPDATED;
    }

    /** Called after any change has committed (the retrieval's meta-rule cache listens). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    // ---- internals --------------------------------------------------------------------------------------

    private Nugget insert(Actor actor, NuggetInput in, String externalId, NuggetOrigin origin,
                          NuggetRevision.Action action) {
        return insert(actor, in, externalId, origin, action, true);
    }

    private Nugget insert(Actor actor, NuggetInput in, String externalId, NuggetOrigin origin,
                          NuggetRevision.Action action, boolean indexNow) {
        Instant now = clock.instant();
        long id = store.insert(in, externalId, origin, actor.userId(), actor.username(), now);
        Nugget saved = load(id);
        store.addRevision(saved, action, actor.userId(), actor.username(), now);
        store.markPending(id);
        afterCommit(id, indexNow);
        return saved;
    }

    private Nugget write(Actor actor, Nugget current, NuggetInput clean, NuggetRevision.Action action) {
        return write(actor, current, clean, action, true);
    }

    private Nugget write(Actor actor, Nugget current, NuggetInput clean, NuggetRevision.Action action,
                         boolean indexNow) {
        Instant now = clock.instant();
        if (!store.update(current.id(), clean, current.version(), now)) {
            throw new ConflictException("knowledge.error.stale",
                    "This nugget was changed by someone else in the meantime; reload and try again");
        }
        if (!current.title().equals(clean.title()) || !current.content().equals(clean.content())) {
            store.deleteVector(current.id()); // the stored vector is of the old text
        }
        Nugget saved = load(current.id());
        store.addRevision(saved, action, actor.userId(), actor.username(), now);
        store.markPending(saved.id());
        afterCommit(saved.id(), indexNow);
        return saved;
    }

    private Nugget setStatus(Actor actor, long id, NuggetStatus status, NuggetRevision.Action action) {
        actor.requireManagerOrAdmin();
        Nugget current = load(id);
        if (current.status() == status) {
            return current;
        }
        Instant now = clock.instant();
        store.setStatus(id, status, now);
        Nugget saved = load(id);
        store.addRevision(saved, action, actor.userId(), actor.username(), now);
        store.markPending(id);
        afterCommit(id, true);
        return saved;
    }

    private void afterCommit(long id, boolean indexNow) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (indexNow) {
                    indexer.indexNow(List.of(id));
                }
                changeListeners.forEach(Runnable::run);
            }
        });
    }

    private Nugget load(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Knowledge nugget", id));
    }

    /** Checks and cleans a nugget's fields; throws every problem at once. */
    public static NuggetInput validate(NuggetInput input) {
        Texts.Check check = new Texts.Check();
        if (input == null) {
            check.fail("content", "must not be empty");
            check.throwIfAny();
        }
        if (input.type() == null) {
            check.fail("type", "must be one of " + String.join(", ",
                    java.util.Arrays.stream(NuggetType.values()).map(NuggetType::code).toList()));
        }
        String title = check.required("title", input.title(), TITLE_MAX);
        String content = check.required("content", input.content(), CONTENT_MAX);
        List<String> tags = cleanList(check, "tags", input.tags(), TAGS_MAX, TAG_MAX, true);
        List<String> archetypes = cleanList(check, "archetype_filter", input.archetypes(), ARCHETYPES_MAX, 80, false);
        String language = input.language() == null || input.language().isBlank() ? null
                : input.language().strip().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGES.contains(language)) {
            check.fail("language", "must be pl, en or empty (any language)");
        }
        String source = check.optional("source", input.source(), SOURCE_MAX);
        check.throwIfAny();
        return new NuggetInput(input.type(), title, content, tags, archetypes, language, source);
    }

    private static List<String> cleanList(Texts.Check check, String field, List<String> values, int maxCount,
                                          int maxLength, boolean tag) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String clean = tag ? normalizeTag(value) : (value == null ? "" : value.strip());
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > maxLength) {
                check.fail(field, "each must be at most " + maxLength + " characters");
                continue;
            }
            out.add(clean);
        }
        if (out.size() > maxCount) {
            check.fail(field, "at most " + maxCount + " (got " + out.size() + ")");
        }
        return new ArrayList<>(out);
    }

    /** Tags are lower case, single-spaced, without a leading '#'. */
    public static String normalizeTag(String tag) {
        if (tag == null) {
            return "";
        }
        String clean = tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        while (clean.startsWith("#")) {
            clean = clean.substring(1).strip();
        }
        return clean;
    }
}
