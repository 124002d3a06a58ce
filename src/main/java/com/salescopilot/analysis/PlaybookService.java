package com.salescopilot.analysis;

import com.salescopilot.base.InvalidInputException;
import com.salescopilot.security.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
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
    private volatile Playbook cached;

    PlaybookService(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Playbook current() {
        Playbook playbook = cached;
        if (playbook == null) {
            playbook = jdbc.sql("select data::text from playbook where id = 1").query(String.class).optional()
                    .map(text -> json.readValue(text, Playbook.class))
                    .orElseGet(Playbook::defaults);
            cached = playbook;
        }
        return playbook;
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
        cached = playbook;
        return playbook;
    }
}
