package com.salescopilot.session.domain;

import com.salescopilot.session.Conversation;
import com.salescopilot.session.InteractionType;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.SessionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conversation the prompts are built from, in one statement: the session (filtered by its owner),
 * the client's alias, and every interaction in order with its author's name. It sits on the fast
 * path's critical path (decision 0001 allows this read-only join into the client and security tables
 * by primary key, as for the dashboard): four JPA round trips and a transaction cost several
 * milliseconds of the 20 ms the app may add before the model is asked.
 */
@Repository
public class ConversationQuery {

    private final JdbcClient jdbc;

    ConversationQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Conversation> find(long ownerId, long sessionId) {
        List<Row> rows = jdbc.sql("""
                        select s.language, s.status, c.alias, i.id, i.type, i.text, i.author_id, u.username, i.created_at
                        from sales_session s
                        join client c on c.id = s.client_id
                        left join interaction i on i.session_id = s.id
                        left join app_user u on u.id = i.author_id
                        where s.id = ? and s.owner_id = ?
                        order by i.id""")
                .params(sessionId, ownerId)
                .query((rs, n) -> row(rs, sessionId))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.getFirst();
        List<InteractionView> interactions = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.interaction() != null) {
                interactions.add(row.interaction());
            }
        }
        return Optional.of(new Conversation(sessionId, ownerId, first.language(), first.alias(), first.status(),
                List.copyOf(interactions)));
    }

    private static Row row(ResultSet rs, long sessionId) throws SQLException {
        long id = rs.getLong("id");
        InteractionView interaction = rs.wasNull() ? null : new InteractionView(id, sessionId, InteractionType.valueOf(rs.getString("type")),
                rs.getString("text"), rs.getLong("author_id"), rs.getString("username") == null ? "?" : rs.getString("username"),
                rs.getTimestamp("created_at").toInstant());
        return new Row(rs.getString("language"), SessionStatus.fromCode(rs.getString("status")), rs.getString("alias"),
                interaction);
    }

    private record Row(String language, SessionStatus status, String alias, InteractionView interaction) {
    }
}
