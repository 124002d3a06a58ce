package com.salescopilot.feedback;

import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.Suggestion;
import com.salescopilot.analysis.SuggestionVotes;
import com.salescopilot.base.Texts;
import com.salescopilot.security.Actor;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.SessionService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records 👍/👎: one vote per user and suggestion (the other thumb changes it), with the suggestion's
 * text as the seller saw it and the session's latest profile and indicators at that moment.
 */
@Service
@Transactional
public class FeedbackService implements SuggestionVotes {

    private final SessionService sessions;
    private final AnalysisService analysis;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedbackService(SessionService sessions, AnalysisService analysis, JdbcClient jdbc, JsonMapper json) {
        this.sessions = sessions;
        this.analysis = analysis;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param suggestionType the kind the caller believes it is; when given it must match the suggestion's
     */
    public FeedbackView record(Actor actor, long interactionId, String suggestionId, String suggestionType, Integer score,
                               String comment) {
        InteractionView interaction = sessions.interaction(actor, interactionId); // 404 for foreign ids
        Texts.Check check = new Texts.Check();
        String cleanComment = check.optional("comment", comment, Texts.NOTE_MAX);
        if (score == null || (score != 1 && score != -1)) {
            check.fail("score", "must be 1 (👍) or -1 (👎)");
        }
        Suggestion suggestion = null;
        if (suggestionId == null || suggestionId.isBlank()) {
            check.fail("suggestion_id", "is required");
        } else {
            suggestion = analysis.suggestion(actor, interactionId, suggestionId.strip()).orElse(null);
            if (suggestion == null) {
                check.fail("suggestion_id", "'" + suggestionId + "' is not a suggestion of interaction " + interactionId);
            } else if (suggestionType != null && !suggestionType.isBlank()
                    && !suggestion.kind().code().equals(suggestionType.strip())) {
                check.fail("suggestion_type", "is " + suggestion.kind().code() + " for " + suggestionId);
            }
        }
        check.throwIfAny();
        String context = json.writeValueAsString(analysis.contextSnapshot(interaction.sessionId()));
        long id = jdbc.sql("""
                insert into feedback (interaction_id, session_id, owner_id, user_id, suggestion_id, suggestion_type,
                                      text_snapshot, score, comment, context)
                select i.id, i.session_id, i.owner_id, ?, ?, ?, ?, ?, ?, cast(? as jsonb) from interaction i where i.id = ?
                on conflict (interaction_id, suggestion_id, user_id) do update
                    set score = excluded.score, comment = coalesce(excluded.comment, feedback.comment),
                        text_snapshot = excluded.text_snapshot, context = excluded.context, updated_at = now(),
                        version = feedback.version + 1
                returning id""")
                .params(actor.userId(), suggestion.id(), suggestion.kind().code(), suggestion.text(), score, cleanComment,
                        context, interactionId)
                .query(Long.class).single();
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<FeedbackView> ofInteraction(Actor actor, long interactionId) {
        sessions.interaction(actor, interactionId);
        return jdbc.sql(SELECT + " where f.interaction_id = ? order by f.id").param(interactionId)
                .query(FeedbackService::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> votes(Actor actor, long interactionId) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        jdbc.sql("select suggestion_id, score from feedback where interaction_id = ? and user_id = ?")
                .params(interactionId, actor.userId())
                .query((rs, n) -> votes.put(rs.getString(1), rs.getInt(2))).list();
        return votes;
    }

    @Override
    public void vote(Actor actor, long interactionId, String suggestionId, int score, String comment) {
        record(actor, interactionId, suggestionId, null, score, comment);
    }

    private FeedbackView find(long id) {
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query(FeedbackService::map).single();
    }

    private static final String SELECT = """
            select f.id, f.interaction_id, f.suggestion_id, f.suggestion_type, f.text_snapshot, f.score, f.comment,
                   u.username, f.created_at, f.updated_at
            from feedback f join app_user u on u.id = f.user_id""";

    private static FeedbackView map(ResultSet rs, int row) throws SQLException {
        return new FeedbackView(rs.getLong("id"), rs.getLong("interaction_id"), rs.getString("suggestion_id"),
                rs.getString("suggestion_type"), rs.getString("text_snapshot"), rs.getInt("score"),
                rs.getString("comment"), rs.getString("username"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

}
