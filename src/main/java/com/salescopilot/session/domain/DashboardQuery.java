package com.salescopilot.session.domain;

import com.salescopilot.base.TextNormalizer;
import com.salescopilot.session.Outcome;
import com.salescopilot.session.SessionFilter;
import com.salescopilot.session.SessionRow;
import com.salescopilot.session.SessionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's read model in plain SQL: one statement per filter combination, so that PostgreSQL
 * can walk the matching {@code (owner, status, last_activity_at, id)} index newest first and stop
 * after one page. No count: a page asks for one row more than it shows to know whether there is a
 * next page. It reads the client's alias and the owner's name by primary key for the rows it returns
 * (a read-only join into the client and security tables, kept here rather than N service calls).
 */
@Repository
public class DashboardQuery {

    private final JdbcClient jdbc;

    DashboardQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Slice<SessionRow> page(Long ownerId, SessionFilter filter, Pageable pageable) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.client_id, c.alias, s.owner_id, u.username, s.status, s.outcome, s.created_at,
                       s.last_activity_at
                from sales_session s
                join client c on c.id = s.client_id
                join app_user u on u.id = s.owner_id
                where true""");
        List<Object> params = new ArrayList<>();
        if (ownerId != null) {
            sql.append(" and s.owner_id = ?");
            params.add(ownerId);
        }
        if (filter.status() != null) {
            sql.append(" and s.status = ?");
            params.add(filter.status().code());
        }
        if (filter.clientId() != null) {
            sql.append(" and s.client_id = ?");
            params.add(filter.clientId());
        }
        String folded = TextNormalizer.fold(filter.clientQuery());
        if (!folded.isEmpty()) {
            sql.append(" and c.alias_norm like ?");
            params.add(TextNormalizer.containsPattern(folded));
        }
        sql.append(" order by s.last_activity_at desc, s.id desc limit ? offset ?");
        int size = pageable.getPageSize();
        params.add(size + 1);
        params.add(pageable.getOffset());
        List<SessionRow> rows = jdbc.sql(sql.toString()).params(params).query(DashboardQuery::row).list();
        boolean hasNext = rows.size() > size;
        return new SliceImpl<>(hasNext ? rows.subList(0, size) : rows, pageable, hasNext);
    }

    private static SessionRow row(ResultSet rs, int rowNum) throws SQLException {
        String outcome = rs.getString("outcome");
        return new SessionRow(rs.getLong("id"), rs.getLong("client_id"), rs.getString("alias"), rs.getLong("owner_id"),
                rs.getString("username"), SessionStatus.fromCode(rs.getString("status")),
                outcome == null ? null : Outcome.fromCode(outcome),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_activity_at").toInstant());
    }
}
