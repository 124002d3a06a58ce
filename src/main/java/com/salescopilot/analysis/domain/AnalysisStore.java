package com.salescopilot.analysis.domain;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.AnsweredQuestion;
import com.salescopilot.analysis.EvidenceCheck;
import com.salescopilot.analysis.FastAnswerView;
import com.salescopilot.analysis.FastResult;
import com.salescopilot.analysis.FastStatus;
import com.salescopilot.analysis.StoredAnalysis;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes fast answers and finished analyses (the queue writes analyses; this reads them). */
@Repository
@Transactional
public class AnalysisStore {

    private static final String FAST_COLUMNS = """
            interaction_id, status, result::text as result, partial_text, error_code, error_message, model,
            first_token_ms, total_ms, created_at, updated_at""";
    private static final String ANALYSIS_COLUMNS = """
            id, session_id, interaction_id, result::text as result, warnings::text as warnings, repaired, model,
            duration_ms, created_at,
            (select j.based_on from analysis_job j where j.id = analysis.job_id) as based_on""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnalysisStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void fastStarted(long interactionId, long sessionId, long ownerId, String model) {
        jdbc.sql("""
                insert into fast_answer (interaction_id, session_id, owner_id, status, model)
                values (?, ?, ?, 'PENDING', ?)
                on conflict (interaction_id) do update set status = 'PENDING', result = null, partial_text = null,
                    error_code = null, error_message = null, model = excluded.model, updated_at = now()""")
                .params(interactionId, sessionId, ownerId, model).update();
    }

    public void fastStreaming(long interactionId, int firstTokenMs) {
        jdbc.sql("""
                update fast_answer set status = 'STREAMING', first_token_ms = ?, updated_at = now()
                where interaction_id = ? and status = 'PENDING'""").params(firstTokenMs, interactionId).update();
    }

    public boolean fastDone(long interactionId, FastResult result, String rawText, Integer firstTokenMs, int totalMs) {
        return jdbc.sql("""
                update fast_answer set status = 'DONE', result = cast(? as jsonb), partial_text = ?,
                    first_token_ms = coalesce(?, first_token_ms), total_ms = ?, updated_at = now()
                where interaction_id = ? and status in ('PENDING', 'STREAMING')""")
                .params(json.writeValueAsString(result), rawText, firstTokenMs, totalMs, interactionId).update() == 1;
    }

    public boolean fastFailed(long interactionId, FastStatus status, String partialText, String code, String message,
                              int totalMs) {
        return jdbc.sql("""
                update fast_answer set status = ?, partial_text = ?, error_code = ?, error_message = ?, total_ms = ?,
                    updated_at = now()
                where interaction_id = ? and status in ('PENDING', 'STREAMING')""")
                .params(status.name(), partialText, code, message, totalMs, interactionId).update() == 1;
    }

    @Transactional(readOnly = true)
    public Optional<FastAnswerView> fast(long interactionId) {
        return jdbc.sql("select " + FAST_COLUMNS + " from fast_answer where interaction_id = ?").param(interactionId)
                .query(this::mapFast).optional();
    }

    @Transactional(readOnly = true)
    public List<FastAnswerView> fastOfSession(long sessionId) {
        return jdbc.sql("select " + FAST_COLUMNS + " from fast_answer where session_id = ? order by interaction_id")
                .param(sessionId).query(this::mapFast).list();
    }

    @Transactional(propagation = Propagation.SUPPORTS) // one statement: no transaction of its own (fast path)
    public Optional<StoredAnalysis> latestOfSession(long sessionId) {
        return jdbc.sql("select " + ANALYSIS_COLUMNS + " from analysis where session_id = ? order by id desc limit 1")
                .param(sessionId).query(this::mapAnalysis).optional();
    }

    @Transactional(readOnly = true)
    public Optional<StoredAnalysis> latestOfInteraction(long interactionId) {
        return jdbc.sql("select " + ANALYSIS_COLUMNS + " from analysis where interaction_id = ? order by id desc limit 1")
                .param(interactionId).query(this::mapAnalysis).optional();
    }

    @Transactional(readOnly = true)
    public Optional<StoredAnalysis> find(long analysisId) {
        return jdbc.sql("select " + ANALYSIS_COLUMNS + " from analysis where id = ?").param(analysisId)
                .query(this::mapAnalysis).optional();
    }

    /** Every analysis of a session, oldest first (for trends). */
    @Transactional(readOnly = true)
    public List<StoredAnalysis> historyOfSession(long sessionId) {
        return jdbc.sql("select " + ANALYSIS_COLUMNS + " from analysis where session_id = ? order by id")
                .param(sessionId).query(this::mapAnalysis).list();
    }

    /** The stored evidence check of an analysis (empty when it was stored before checks existed). */
    @Transactional(readOnly = true)
    public Optional<EvidenceCheck> evidence(long analysisId) {
        return jdbc.sql("select evidence::text from analysis where id = ? and evidence is not null").param(analysisId)
                .query(String.class).optional().map(text -> json.readValue(text, EvidenceCheck.class));
    }

    /** The clarifying questions answered in a session, oldest first. */
    @Transactional(readOnly = true)
    public List<AnsweredQuestion> answeredQuestions(long sessionId) {
        return jdbc.sql("""
                select question, choice, answer, interaction_id, created_at from clarification_answer
                where session_id = ? order by id""").param(sessionId)
                .query((rs, row) -> new AnsweredQuestion(rs.getString("question"), rs.getString("choice").charAt(0),
                        rs.getString("answer"), rs.getLong("interaction_id"), instant(rs.getTimestamp("created_at"))))
                .list();
    }

    /** Stores an answer; false when the session already has an answer to the same question. */
    public boolean saveAnswer(long sessionId, long ownerId, long interactionId, Long analysisId, String question,
                              char choice, String answer, long answeredBy) {
        return jdbc.sql("""
                insert into clarification_answer (session_id, owner_id, interaction_id, analysis_id, question,
                                                  question_key, choice, answer, answered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (session_id, question_key) do nothing""")
                .params(sessionId, ownerId, interactionId, analysisId, question, AnsweredQuestion.key(question),
                        String.valueOf(choice), answer, answeredBy)
                .update() == 1;
    }

    private FastAnswerView mapFast(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        return new FastAnswerView(rs.getLong("interaction_id"), FastStatus.valueOf(rs.getString("status")),
                result == null ? null : json.readValue(result, FastResult.class), rs.getString("partial_text"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getString("model"),
                (Integer) rs.getObject("first_token_ms"), (Integer) rs.getObject("total_ms"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private StoredAnalysis mapAnalysis(ResultSet rs, int row) throws SQLException {
        String warnings = rs.getString("warnings");
        return new StoredAnalysis(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("interaction_id"),
                json.readValue(rs.getString("result"), AnalysisResult.class),
                warnings == null ? List.of() : json.readValue(warnings, new TypeReference<List<String>>() { }),
                rs.getBoolean("repaired"), rs.getString("model"), (Integer) rs.getObject("duration_ms"),
                instant(rs.getTimestamp("created_at")), strings(rs.getArray("based_on")));
    }

    /** Records which knowledge nuggets a slow-path job's prompt carried (read with its analysis). */
    public void jobBasedOn(long jobId, List<String> nuggetIds) {
        jdbc.sql("update analysis_job set based_on = ? where id = ?")
                .params(nuggetIds.toArray(String[]::new), jobId).update();
    }

    /** Records which knowledge nuggets a fast answer's prompt carried. */
    public void fastBasedOn(long interactionId, List<String> nuggetIds) {
        jdbc.sql("update fast_answer set based_on = ? where interaction_id = ?")
                .params(nuggetIds.toArray(String[]::new), interactionId).update();
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
