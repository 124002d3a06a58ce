package com.salescopilot.knowledge.domain;

import com.salescopilot.knowledge.KnowledgeFilter;
import com.salescopilot.knowledge.Nugget;
import com.salescopilot.knowledge.NuggetInput;
import com.salescopilot.knowledge.NuggetOrigin;
import com.salescopilot.knowledge.NuggetRevision;
import com.salescopilot.knowledge.NuggetStatus;
import com.salescopilot.knowledge.NuggetType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base's SQL: nuggets, their history, their stored vectors, the index's model and the index
 * writes still to do. Transactions are the caller's ({@code KnowledgeService}).
 */
@Repository
public class KnowledgeStore {

    private static final String COLUMNS = """
            n.id, n.external_id, n.type, n.title, n.content, n.tags, n.archetypes, n.language, n.source, n.origin,
            n.status, n.author_name, n.created_at, n.updated_at, n.version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KnowledgeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- nuggets ----------------------------------------------------------------------------------------

    public long insert(NuggetInput in, String externalId, NuggetOrigin origin, Long authorId, String authorName,
                       Instant now) {
        return jdbc.sql("""
                insert into knowledge_nugget (external_id, type, title, content, tags, archetypes, language, source,
                    origin, status, author_id, author_name, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, 1)
                returning id""")
                .params(externalId, in.type().name(), in.title(), in.content(), in.tags().toArray(String[]::new),
                        in.archetypes().toArray(String[]::new), in.language(), in.source(), origin.name(), authorId,
                        authorName, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Writes new fields; returns false when the nugget is not at {@code expectedVersion} (or gone). */
    public boolean update(long id, NuggetInput in, int expectedVersion, Instant now) {
        return jdbc.sql("""
                update knowledge_nugget set type = ?, title = ?, content = ?, tags = ?, archetypes = ?, language = ?,
                    source = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(in.type().name(), in.title(), in.content(), in.tags().toArray(String[]::new),
                        in.archetypes().toArray(String[]::new), in.language(), in.source(), Timestamp.from(now), id,
                        expectedVersion)
                .update() == 1;
    }

    public boolean setStatus(long id, NuggetStatus status, Instant now) {
        return jdbc.sql("""
                update knowledge_nugget set status = ?, updated_at = ?, version = version + 1
                where id = ? and status <> ?""")
                .params(status.name(), Timestamp.from(now), id, status.name()).update() == 1;
    }

    public Optional<Nugget> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_nugget n where n.id = ?").param(id)
                .query(KnowledgeStore::map).optional();
    }

    public Optional<Nugget> findByExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_nugget n where n.external_id = ?").param(externalId)
                .query(KnowledgeStore::map).optional();
    }

    /** Newest change first, filtered; a page of a {@link Slice} (no count). */
    public Slice<Nugget> list(KnowledgeFilter filter, Pageable pageable) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params);
        params.add(pageable.getPageSize() + 1);
        params.add(pageable.getOffset());
        List<Nugget> rows = jdbc.sql("select " + COLUMNS + " from knowledge_nugget n where " + where.sql
                        + " order by n.updated_at desc, n.id desc limit ? offset ?")
                .params(params).query(KnowledgeStore::map).list();
        boolean more = rows.size() > pageable.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, pageable.getPageSize()) : rows, pageable, more);
    }

    /** Every tag in use (by active or archived nuggets), alphabetically. */
    public List<String> tags() {
        return jdbc.sql("select distinct unnest(tags) as tag from knowledge_nugget order by tag")
                .query(String.class).list();
    }

    public List<Nugget> metaRules(String language) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_nugget n where n.type = 'META_RULE'"
                        + " and n.status = 'ACTIVE' and (? is null or n.language is null or n.language = ?)"
                        + " order by n.updated_at desc, n.id desc limit 50")
                .params(language, language).query(KnowledgeStore::map).list();
    }

    /** How many full-text matches get the costly ranking (see {@link #textRanks}). */
    static final int RERANKED = 100;
    /** How many matches by title similarity alone join them. */
    static final int TITLE_ONLY_RERANKED = 20;

    /** One text-search row: the nugget and its rank in the full-text signal (null: not a text hit). */
    public record TextRow(Nugget nugget, Integer textRank) {
    }

    /**
     * The full-text signal alone: the ids of the best {@code limit} matches, best first (rank 1, 2, …). It
     * runs while the vector signal is computed; {@link #candidates} then reads the union of both.
     */
    public List<Long> textRanks(String tsQuery, String query, List<String> titleWords, KnowledgeFilter filter,
                                int limit, int scanLimit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>();
        params.add(tsQuery);
        params.add(query == null ? "" : query);
        StringBuilder match = new StringBuilder("n.search_doc @@ q.tsq");
        for (String word : titleWords) {
            match.append(" or n.title_fold %> ?");
            params.add(word);
        }
        params.addAll(where.params);
        params.add(scanLimit);
        params.add(Math.max(RERANKED, limit));
        params.add(TITLE_ONLY_RERANKED);
        params.add(limit);
        // at most scanLimit matches are read (a broad query over a large base ranks a sample of its matches);
        // a cheap rank (term frequency) keeps the best RERANKED of the text matches, and up to
        // TITLE_ONLY_RERANKED title-only (trigram) matches join them; only those get the costly rank (cover
        // density, which reads term positions, plus the title's trigram similarity to the query): at
        // 100,000 nuggets, ranking all 1,000 that way took ~20 ms
        String sql = """
                with q as (select to_tsquery('simple', ?) as tsq, knowledge_fold(?::text) as f),
                matched as materialized (
                    select n.id, n.search_doc, n.title_fold from knowledge_nugget n, q
                    where (%s) and %s limit ?),
                shortlist as (
                    (select m.* from matched m, q where m.search_doc @@ q.tsq
                     order by ts_rank(m.search_doc, q.tsq) desc, m.id desc limit ?)
                    union all
                    (select m.* from matched m, q where not (m.search_doc @@ q.tsq) order by m.id desc limit ?))
                select s.id from shortlist s, q
                order by ts_rank_cd(s.search_doc, q.tsq) + word_similarity(s.title_fold, q.f) desc, s.id desc
                limit ?""".formatted(match, where.sql);
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    /** The candidates of both signals, read by primary key through the filters (the index never decides alone). */
    public List<Nugget> candidates(long[] ids, KnowledgeFilter filter) {
        if (ids.length == 0) {
            return List.of();
        }
        Where where = where(filter);
        List<Object> params = new ArrayList<>();
        params.add(ids);
        params.addAll(where.params);
        return jdbc.sql("select " + COLUMNS + " from knowledge_nugget n where n.id = any(?) and " + where.sql)
                .params(params).query(KnowledgeStore::map).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(KnowledgeFilter f) {
        StringBuilder sql = new StringBuilder("n.status = ?");
        List<Object> params = new ArrayList<>(List.of(f.status().name()));
        if (!f.types().isEmpty()) {
            sql.append(" and n.type = any(?)");
            params.add(f.types().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!f.tags().isEmpty()) {
            sql.append(" and n.tags && ?::text[]");
            params.add(f.tags().toArray(String[]::new));
        }
        if (f.archetype() != null) {
            sql.append(" and (cardinality(n.archetypes) = 0 or ? = any(n.archetypes))");
            params.add(f.archetype());
        }
        if (f.language() != null) {
            sql.append(" and (n.language is null or n.language = ?)");
            params.add(f.language());
        }
        return new Where(sql.toString(), params);
    }

    // ---- history ----------------------------------------------------------------------------------------

    public void addRevision(Nugget n, NuggetRevision.Action action, Long byId, String byName, Instant at) {
        Map<String, Object> snapshot = new HashMap<>();
        snapshot.put("type", n.type().code());
        snapshot.put("title", n.title());
        snapshot.put("content", n.content());
        snapshot.put("tags", n.tags());
        snapshot.put("archetypes", n.archetypes());
        snapshot.put("language", n.language());
        snapshot.put("source", n.source());
        snapshot.put("status", n.status().name());
        jdbc.sql("""
                insert into knowledge_revision (nugget_id, version, action, changed_by_id, changed_by_name, changed_at,
                    snapshot)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(n.id(), n.version(), action.name(), byId, byName, Timestamp.from(at),
                        json.writeValueAsString(snapshot))
                .update();
    }

    public List<NuggetRevision> history(long nuggetId) {
        return jdbc.sql("""
                select nugget_id, version, action, changed_by_name, changed_at, snapshot->>'title' as title,
                    snapshot->>'content' as content
                from knowledge_revision where nugget_id = ? order by id desc""").param(nuggetId)
                .query((rs, i) -> new NuggetRevision(rs.getLong("nugget_id"), rs.getInt("version"),
                        NuggetRevision.Action.valueOf(rs.getString("action")), rs.getString("changed_by_name"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("title"), rs.getString("content")))
                .list();
    }

    // ---- vectors, the index's model, index writes to do ---------------------------------------------------

    /** The embedding model the stored vectors and the index were made with, if any. */
    public record IndexState(String model, int dimension) {
    }

    public Optional<IndexState> indexState() {
        return jdbc.sql("select model, dimension from knowledge_index_state where id = 1")
                .query((rs, i) -> new IndexState(rs.getString(1), rs.getInt(2))).optional();
    }

    public void saveIndexState(String model, int dimension) {
        jdbc.sql("""
                insert into knowledge_index_state (id, model, dimension, updated_at) values (1, ?, ?, now())
                on conflict (id) do update set model = excluded.model, dimension = excluded.dimension, updated_at = now()""")
                .params(model, dimension).update();
    }

    public void saveVector(long nuggetId, String model, byte[] vector, int dimension) {
        jdbc.sql("""
                insert into knowledge_vector (nugget_id, model, dimension, vector, updated_at) values (?, ?, ?, ?, now())
                on conflict (nugget_id) do update set model = excluded.model, dimension = excluded.dimension,
                    vector = excluded.vector, updated_at = now()""")
                .params(nuggetId, model, dimension, vector).update();
    }

    public Optional<byte[]> vector(long nuggetId, String model) {
        return jdbc.sql("select vector from knowledge_vector where nugget_id = ? and model = ?").params(nuggetId, model)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    public void deleteVector(long nuggetId) {
        jdbc.sql("delete from knowledge_vector where nugget_id = ?").param(nuggetId).update();
    }

    public int deleteVectorsNotOf(String model) {
        return jdbc.sql("delete from knowledge_vector where model <> ?").param(model).update();
    }

    public long countVectors(String model) {
        return jdbc.sql("select count(*) from knowledge_vector where model = ?").param(model).query(Long.class).single();
    }

    /** A nugget's payload for the index and its stored vector (null when it has none of this model). */
    public record IndexRow(long id, String type, String status, String language, List<String> tags,
                           List<String> archetypes, String title, String content, byte[] vector) {
    }

    /**
     * Streams nuggets with their vector of {@code model} (null when none is stored), in id order: all, or
     * one ({@code onlyId}), or those changed since an instant (nugget or vector).
     */
    public void forEachIndexRow(String model, Long onlyId, Instant changedSince, Consumer<IndexRow> consumer) {
        Timestamp since = changedSince == null ? null : Timestamp.from(changedSince);
        jdbc.sql("""
                select n.id, n.type, n.status, n.language, n.tags, n.archetypes, n.title, n.content, v.vector
                from knowledge_nugget n left join knowledge_vector v on v.nugget_id = n.id and v.model = ?
                where (?::bigint is null or n.id = ?)
                  and (?::timestamptz is null or n.updated_at > ? or v.updated_at > ?)
                order by n.id""")
                .params(model, onlyId, onlyId, since, since, since)
                .query((ResultSet rs) -> {
                    consumer.accept(new IndexRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            strings(rs.getArray(5)), strings(rs.getArray(6)), rs.getString(7), rs.getString(8),
                            rs.getBytes(9)));
                });
    }

    public void markPending(long nuggetId) {
        jdbc.sql("""
                insert into knowledge_index_pending (nugget_id, attempts, next_attempt_at) values (?, 0, now())
                on conflict (nugget_id) do update set next_attempt_at = now()""").param(nuggetId).update();
    }

    public void markAllPending() {
        jdbc.sql("""
                insert into knowledge_index_pending (nugget_id, attempts, next_attempt_at)
                select id, 0, now() from knowledge_nugget
                on conflict (nugget_id) do update set next_attempt_at = now()""").update();
    }

    public List<Long> duePending(int limit) {
        return jdbc.sql("select nugget_id from knowledge_index_pending where next_attempt_at <= now()"
                        + " order by next_attempt_at, nugget_id limit ?")
                .param(limit).query(Long.class).list();
    }

    public void pendingDone(long nuggetId) {
        jdbc.sql("delete from knowledge_index_pending where nugget_id = ?").param(nuggetId).update();
    }

    public void pendingFailed(long nuggetId, String error, Instant nextAttempt) {
        jdbc.sql("""
                update knowledge_index_pending set attempts = attempts + 1, last_error = left(?, 1000),
                    next_attempt_at = ? where nugget_id = ?""")
                .params(error, Timestamp.from(nextAttempt), nuggetId).update();
    }

    /** Index writes to do: how many, how many have failed at least once, and the newest error. */
    public record PendingSummary(long pending, long failed, String lastError) {
    }

    public PendingSummary pendingSummary() {
        return jdbc.sql("""
                select count(*), count(*) filter (where attempts > 0),
                    (select last_error from knowledge_index_pending where last_error is not null
                     order by next_attempt_at desc limit 1)
                from knowledge_index_pending""")
                .query((rs, i) -> new PendingSummary(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
    }

    // ---- mapping ----------------------------------------------------------------------------------------

    static Nugget map(ResultSet rs, int row) throws SQLException {
        return new Nugget(rs.getLong("id"), rs.getString("external_id"), NuggetType.valueOf(rs.getString("type")),
                rs.getString("title"), rs.getString("content"), strings(rs.getArray("tags")),
                strings(rs.getArray("archetypes")), rs.getString("language"), rs.getString("source"),
                NuggetOrigin.valueOf(rs.getString("origin")), NuggetStatus.valueOf(rs.getString("status")),
                rs.getString("author_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
