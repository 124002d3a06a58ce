package com.salescopilot.analysis;

import com.salescopilot.base.InvalidInputException;
import com.salescopilot.security.Actor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playbook every prompt carries. Until an admin saves one, {@link Playbook#defaults()} applies.
 * Read on every model call, so it is cached and replaced on save.
 */
@Service
@Transactional
public class PlaybookService {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** How long another instance's change may take to reach this one. */
    static final Duration REFRESH = Duration.ofSeconds(15);
    private volatile Cached cached;

    PlaybookService(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The playbook in force. Every prompt needs it, so it is kept in memory; an admin's change on this
     * instance applies at once, one made on another instance within {@link #REFRESH}.
     */
    @Transactional(propagation = Propagation.SUPPORTS) // one statement: no transaction of its own (fast path)
    public Playbook current() {
        Cached now = cached;
        if (now == null || System.nanoTime() - now.loadedAt() > REFRESH.toNanos()) {
            Playbook playbook = jdbc.sql("select data::text from playbook where id = 1").query(String.class).optional()
                    .map(text -> json.readValue(text, Playbook.class))
                    .orElseGet(Playbook::defaults);
            now = new Cached(playbook, System.nanoTime());
            cached = now;
        }
        return now.playbook();
    }

    private record Cached(Playbook playbook, long loadedAt) {
    }

    public Playbook save(Actor actor, Playbook playbook) {
        actor.requireAdmin();
        Map<String, String> errors = new LinkedHashMap<>();
        if (playbook.company().isBlank()) {
            errors.put("company", "must not be empty");
        }
        if (!playbook.currency().matches("[A-Z]{3}")) {
            errors.put("currency", "must be a three-letter currency code such as PLN or EUR");
        }
        if (!playbook.language().equals("pl") && !playbook.language().equals("en")) {
            errors.put("language", "must be pl or en");
        }
        if (playbook.archetypes().size() < 2) {
            errors.put("archetypes", "name at least two buyer archetypes");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                insert into playbook (id, data, updated_by, updated_at) values (1, cast(? as jsonb), ?, now())
                on conflict (id) do update set data = excluded.data, updated_by = excluded.updated_by,
                    updated_at = now(), version = playbook.version + 1""")
                .params(json.writeValueAsString(playbook), actor.userId()).update();
        cached = new Cached(playbook, System.nanoTime());
        return playbook;
    }
}
