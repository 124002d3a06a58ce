package com.salescopilot.analysis.queue;

import com.salescopilot.analysis.AnalysisProperties;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.analysis.push.SessionEventBus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable slow-path queue on PostgreSQL (decision 0004). Every state change is one SQL statement
 * guarded by the state it expects, so that two instances, or an instance and its own restarted self,
 * can never both finish a job: a job's result is stored only by the holder of its lease, once.
 */
@Component
public class AnalysisJobQueue {

    private static final String COLUMNS = """
            id, session_id, interaction_id, owner_id, status, attempts, max_attempts, run_after, locked_by,
            error_code, error_message, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final SessionEventBus bus;
    private final AnalysisProperties properties;

    AnalysisJobQueue(JdbcClient jdbc, SessionEventBus bus, AnalysisProperties properties) {
        this.jdbc = jdbc;
        this.bus = bus;
        this.properties = properties;
    }

    /**
     * Queues an analysis of the session as of {@code interactionId}, superseding any queued one of the
     * same session that has not started. Joins the caller's transaction (the interaction's), so the
     * request is durable exactly when the interaction is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(long sessionId, long interactionId, long ownerId) {
        // one statement (it runs inside the seller's "send"): supersede the queued one, queue the new one, and
        // announce it (NOTIFY is delivered when the interaction's transaction commits)
        Object[] notify = bus.notifyParams(SessionEvent.Kind.ANALYSIS_QUEUED, sessionId);
        return jdbc.sql("""
                with superseded as (
                    update analysis_job set status = 'SUPERSEDED', finished_at = now()
                    where session_id = ? and status = 'QUEUED'),
                job as (
                    insert into analysis_job (session_id, interaction_id, owner_id, status, max_attempts)
                    values (?, ?, ?, 'QUEUED', ?) returning id)
                select id, """ + bus.notifyExpression("id::text") + " from job")
                .params(sessionId, sessionId, interactionId, ownerId, properties.maxAttempts(), notify[0], notify[1])
                .query((rs, n) -> rs.getLong("id")).single();
    }

    /**
     * Claims the next due job for {@code instanceId}, or nothing. Other instances skip the locked row;
     * there is at most one queued job per session (enqueue supersedes), so a session never runs twice at once.
     */
    @Transactional
    public Optional<AnalysisJob> claim(String instanceId) {
        Optional<AnalysisJob> job = jdbc.sql("""
                with next as (
                    select q.id from analysis_job q
                    where q.status = 'QUEUED' and q.run_after <= now()
                      -- one analysis of a session at a time: a newer request waits for the running one
                      and not exists (select 1 from analysis_job r where r.session_id = q.session_id and r.status = 'RUNNING')
                    order by q.run_after, q.id
                    limit 1
                    for update skip locked
                )
                update analysis_job j
                set status = 'RUNNING', attempts = j.attempts + 1, locked_by = ?,
                    locked_until = now() + make_interval(secs => ?), started_at = now()
                from next where j.id = next.id
                returning j.*""")
                .params(instanceId, seconds(properties.lease()))
                .query(AnalysisJobQueue::map).optional();
        job.ifPresent(j -> bus.publish(new SessionEvent(SessionEvent.Kind.ANALYSIS_STARTED, j.sessionId(), j.id())));
        return job;
    }

    /** Extends the lease of a job this instance is still working on. */
    @Transactional
    public boolean extendLease(long jobId, String instanceId) {
        return jdbc.sql("""
                update analysis_job set locked_until = now() + make_interval(secs => ?)
                where id = ? and status = 'RUNNING' and locked_by = ?""")
                .params(seconds(properties.lease()), jobId, instanceId).update() == 1;
    }

    /**
     * Stores the result and finishes the job, in one transaction, only if this instance still holds
     * the lease. Returns false (and stores nothing) when it does not: someone else owns the job now.
     */
    @Transactional
    public boolean complete(AnalysisJob job, String instanceId, CompletedAnalysis result) {
        int finished = jdbc.sql("""
                update analysis_job set status = 'DONE', finished_at = now(), locked_until = null,
                       error_code = null, error_message = null
                where id = ? and status = 'RUNNING' and locked_by = ?""").params(job.id(), instanceId).update();
        if (finished != 1) {
            return false;
        }
        jdbc.sql("""
                insert into analysis (job_id, session_id, interaction_id, owner_id, result, raw_output, warnings, repaired,
                                      model, duration_ms, evidence, evidence_verified_pct)
                values (?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?)""")
                .params(job.id(), job.sessionId(), job.interactionId(), job.ownerId(), result.resultJson(),
                        result.rawOutput(), result.warningsJson(), result.repaired(), result.model(),
                        (int) Math.min(Integer.MAX_VALUE, result.durationMs()), result.evidenceJson(),
                        result.evidenceVerifiedPct())
                .update();
        bus.publish(new SessionEvent(SessionEvent.Kind.ANALYSIS_DONE, job.sessionId(), job.id()));
        return true;
    }

    /**
     * Records a failed attempt: queued again after a growing pause while attempts remain and the
     * failure is retryable, otherwise failed for good (the cockpit offers Retry).
     */
    @Transactional
    public boolean fail(AnalysisJob job, String instanceId, AnalysisFailure failure) {
        boolean again = failure.retryable() && job.attempts() < job.maxAttempts();
        Duration pause = properties.retryBackoff().multipliedBy(1L << Math.min(10, Math.max(0, job.attempts() - 1)));
        int updated = jdbc.sql("""
                update analysis_job
                set status = ?, error_code = ?, error_message = ?, locked_by = null, locked_until = null,
                    run_after = now() + make_interval(secs => ?), finished_at = case when ? then null else now() end
                where id = ? and status = 'RUNNING' and locked_by = ?""")
                .params(again ? "QUEUED" : "FAILED", failure.code(), truncate(failure.getMessage(), 1000),
                        seconds(pause), again, job.id(), instanceId)
                .update();
        if (updated == 1) {
            bus.publish(new SessionEvent(again ? SessionEvent.Kind.ANALYSIS_QUEUED : SessionEvent.Kind.ANALYSIS_FAILED,
                    job.sessionId(), job.id()));
        }
        return updated == 1;
    }

    /** Gives a job back without counting the attempt (this instance is shutting down). */
    @Transactional
    public void release(long jobId, String instanceId) {
        jdbc.sql("""
                update analysis_job set status = 'QUEUED', attempts = greatest(attempts - 1, 0), locked_by = null,
                       locked_until = null, run_after = now()
                where id = ? and status = 'RUNNING' and locked_by = ?""").params(jobId, instanceId).update();
    }

    /**
     * Jobs whose lease ran out (their instance died): superseded if the session has a newer request,
     * failed if they used up their attempts, otherwise queued again.
     */
    @Transactional
    public int recoverExpiredLeases() {
        int superseded = jdbc.sql("""
                update analysis_job j set status = 'SUPERSEDED', finished_at = now(), locked_by = null, locked_until = null
                where j.status = 'RUNNING' and j.locked_until < now()
                  and exists (select 1 from analysis_job n where n.session_id = j.session_id and n.id > j.id
                              and n.status in ('QUEUED', 'RUNNING', 'DONE'))""").update();
        int failed = jdbc.sql("""
                update analysis_job set status = 'FAILED', finished_at = now(), locked_by = null, locked_until = null,
                       error_code = 'interrupted', error_message = 'The analysis was interrupted too many times.'
                where status = 'RUNNING' and locked_until < now() and attempts >= max_attempts""").update();
        int requeued = jdbc.sql("""
                update analysis_job set status = 'QUEUED', locked_by = null, locked_until = null, run_after = now()
                where status = 'RUNNING' and locked_until < now()""").update();
        return superseded + failed + requeued;
    }

    /**
     * Queues a new attempt of the newest analysis request of a session whose analysis failed for good.
     * Returns the new job id, or empty when the newest request is not failed (nothing to retry).
     */
    @Transactional
    public Optional<Long> retryFailed(long sessionId) {
        Optional<AnalysisJob> latest = latestOfSession(sessionId);
        if (latest.isEmpty() || latest.get().status() != JobStatus.FAILED) {
            return Optional.empty();
        }
        AnalysisJob failed = latest.get();
        return Optional.of(enqueue(failed.sessionId(), failed.interactionId(), failed.ownerId()));
    }

    @Transactional(readOnly = true)
    public Optional<AnalysisJob> latestOfSession(long sessionId) {
        return jdbc.sql("select " + COLUMNS + " from analysis_job where session_id = ? order by id desc limit 1")
                .param(sessionId).query(AnalysisJobQueue::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<AnalysisJob> latestOfInteraction(long interactionId) {
        return jdbc.sql("select " + COLUMNS + " from analysis_job where interaction_id = ? order by id desc limit 1")
                .param(interactionId).query(AnalysisJobQueue::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<AnalysisJob> find(long jobId) {
        return jdbc.sql("select " + COLUMNS + " from analysis_job where id = ?").param(jobId)
                .query(AnalysisJobQueue::map).optional();
    }

    @Transactional(readOnly = true)
    public List<AnalysisJob> ofSession(long sessionId) {
        return jdbc.sql("select " + COLUMNS + " from analysis_job where session_id = ? order by id")
                .param(sessionId).query(AnalysisJobQueue::map).list();
    }

    /** For make_interval(secs => …): fractions kept, so that a backoff or lease under a second is not 0. */
    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static AnalysisJob map(ResultSet rs, int row) throws SQLException {
        return new AnalysisJob(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("interaction_id"),
                rs.getLong("owner_id"), JobStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getInt("max_attempts"), instant(rs.getTimestamp("run_after")), rs.getString("locked_by"),
                rs.getString("error_code"), rs.getString("error_message"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
