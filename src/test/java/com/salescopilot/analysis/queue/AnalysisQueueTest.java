package com.salescopilot.analysis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.analysis.push.SessionEventBus;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.IntegrationTest;
import com.salescopilot.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The durable slow-path queue with a scripted runner: supersession, bounded concurrency, retries, push. */
@IntegrationTest
@Import(ScriptedRunner.Config.class)
@TestPropertySource(properties = {
        "copilot.analysis.worker-enabled=true",
        "copilot.analysis.concurrency=2",
        "copilot.analysis.poll-interval=100ms",
        "copilot.analysis.retry-backoff=100ms",
        "copilot.analysis.lease=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AnalysisQueueTest {

    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisJobQueue queue;
    @Autowired
    SessionEventBus bus;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Actor seller;

    @BeforeEach
    void setUp() {
        ScriptedRunner.reset();
        // other test classes leave queued requests behind in the shared database: not ours to run
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        seller = data.newUser(Role.SELLER);
    }

    @AfterEach
    void tearDown() {
        ScriptedRunner.reset();
    }

    private long record(Long sessionId, String text) {
        return sessions.record(seller, new RecordInteraction(sessionId, null, sessionId == null ? "Klient" : null,
                "client_statement", text, "pl")).interaction().sessionId();
    }

    private long analysesOf(long sessionId) {
        return jdbc.sql("select count(*) from analysis where session_id = ?").param(sessionId).query(Long.class).single();
    }

    @Test
    void eachInteractionQueuesAnAnalysisThatIsStoredOnceAndAnnounced() {
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        long sessionId = record(null, "Pierwsze zdanie");
        Runnable unregister = bus.register(sessionId, heard::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> analysesOf(sessionId) == 1);
            AnalysisJob job = queue.latestOfSession(sessionId).orElseThrow();
            assertThat(job.status()).isEqualTo(JobStatus.DONE);
            assertThat(job.attempts()).isEqualTo(1);
            String raw = jdbc.sql("select raw_output from analysis where job_id = ?").param(job.id()).query(String.class).single();
            assertThat(raw).isEqualTo("raw output of job " + job.id());
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream()
                    .anyMatch(e -> e.kind() == SessionEvent.Kind.ANALYSIS_DONE && e.refId() == job.id()));
        } finally {
            unregister.run();
        }
        assertThat(bus.listenerCount(sessionId)).isZero();
    }

    @Test
    void aQueuedRequestIsAnnouncedToOpenCockpitsWithItsJobId() {
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        long sessionId = record(null, "Pierwsze zdanie");
        Runnable unregister = bus.register(sessionId, heard::add);
        try {
            record(sessionId, "Drugie zdanie");
            long job = jdbc.sql("select max(id) from analysis_job where session_id = ?").param(sessionId)
                    .query(Long.class).single();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream()
                    .anyMatch(e -> e.kind() == SessionEvent.Kind.ANALYSIS_QUEUED && e.refId() == job));
        } finally {
            unregister.run();
        }
    }

    @Test
    void aNewerInteractionSupersedesAQueuedAnalysisThatHasNotStarted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        ScriptedRunner.behaviour = job -> {
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedRunner.ok(job);
        };
        long sessionId = record(null, "Jeden");
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        record(sessionId, "Dwa");
        record(sessionId, "Trzy");
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> analysesOf(sessionId) == 2);
        List<AnalysisJob> jobs = queue.ofSession(sessionId);
        assertThat(jobs).extracting(AnalysisJob::status)
                .containsExactly(JobStatus.DONE, JobStatus.SUPERSEDED, JobStatus.DONE);
        // the analysis that ran covers the newest interaction
        long newestInteraction = jdbc.sql("select max(id) from interaction where session_id = ?").param(sessionId)
                .query(Long.class).single();
        assertThat(jobs.get(2).interactionId()).isEqualTo(newestInteraction);
    }

    @Test
    void noMoreThanTheConfiguredNumberRunAtOnceAndTheRestQueue() {
        AtomicInteger inFlight = new AtomicInteger();
        ScriptedRunner.behaviour = job -> {
            inFlight.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedRunner.ok(job);
        };
        List<Long> sessionIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sessionIds.add(record(null, "Sesja " + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sessionIds.stream().allMatch(id -> analysesOf(id) == 1));
        assertThat(ScriptedRunner.maxConcurrent.get()).isEqualTo(2);
    }

    @Test
    void aFailingAnalysisIsRetriedWithBackoffThenFailsVisiblyAndCanBeRetried() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedRunner.behaviour = job -> {
            calls.incrementAndGet();
            throw new AnalysisFailure("model_unavailable", "The language model could not be reached.", true);
        };
        long sessionId = record(null, "Model leży");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> queue.latestOfSession(sessionId).orElseThrow().status() == JobStatus.FAILED);
        AnalysisJob failed = queue.latestOfSession(sessionId).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.errorCode()).isEqualTo("model_unavailable");
        assertThat(failed.errorMessage()).isEqualTo("The language model could not be reached.");
        assertThat(analysesOf(sessionId)).isZero();

        ScriptedRunner.behaviour = ScriptedRunner::ok;
        assertThat(queue.retryFailed(sessionId)).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> analysesOf(sessionId) == 1);
        assertThat(queue.retryFailed(sessionId)).as("nothing failed any more").isEmpty();
    }

    @Test
    void aNonRetryableFailureFailsAtOnce() {
        ScriptedRunner.behaviour = job -> {
            throw new AnalysisFailure("invalid_output", "The model's answer was invalid twice.", false);
        };
        long sessionId = record(null, "Bzdury");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queue.latestOfSession(sessionId).orElseThrow().status() == JobStatus.FAILED);
        assertThat(queue.latestOfSession(sessionId).orElseThrow().attempts()).isEqualTo(1);
    }
}
