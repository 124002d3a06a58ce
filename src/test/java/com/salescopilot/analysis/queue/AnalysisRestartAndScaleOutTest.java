package com.salescopilot.analysis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salescopilot.SalesCopilotApplication;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.analysis.push.SessionEventBus;
import com.salescopilot.security.Actor;
import com.salescopilot.security.NewUser;
import com.salescopilot.security.Role;
import com.salescopilot.security.UserService;
import com.salescopilot.security.UserSummary;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database, as behind a load balancer: work survives a restart and
 * is done exactly once, and a result produced by one instance reaches the listeners of the other.
 */
class AnalysisRestartAndScaleOutTest {

    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        ScriptedRunner.reset();
    }

    @AfterEach
    void closeAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
        ScriptedRunner.reset();
    }

    private ConfigurableApplicationContext instance(String name, boolean worker) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SalesCopilotApplication.class,
                ScriptedRunner.Config.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                // command-line arguments: they win over application.yaml (builder properties would not)
                .run("--copilot.analysis.worker-enabled=" + worker,
                        "--copilot.analysis.instance-id=" + name + "-" + UUID.randomUUID().toString().substring(0, 6),
                        "--copilot.analysis.poll-interval=100ms",
                        "--copilot.analysis.lease=3s",
                        "--server.port=0", "--spring.main.banner-mode=off");
        contexts.add(context);
        return context;
    }

    private static Actor seller(ConfigurableApplicationContext context) {
        UserService users = context.getBean(UserService.class);
        UserSummary admin = users.findByUsername("admin").orElseThrow();
        String name = "seller-" + UUID.randomUUID().toString().substring(0, 8);
        UserSummary user = users.create(new Actor(admin.id(), admin.username(), Role.ADMIN),
                new NewUser(name, "secret-password-1", name, Role.SELLER, "pl"));
        return new Actor(user.id(), user.username(), Role.SELLER);
    }

    private static long analyses(JdbcClient jdbc, long sessionId) {
        return jdbc.sql("select count(*) from analysis where session_id = ?").param(sessionId).query(Long.class).single();
    }

    @Test
    void anAnalysisRunningWhenTheInstanceStopsIsCompletedOnceByTheNextStart() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ScriptedRunner.behaviour = job -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // the model is slow; the instance is stopped meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedRunner.ok(job); // a late result of the stopped instance must be discarded
        };
        ConfigurableApplicationContext first = instance("first", true);
        first.getBean(JdbcClient.class)
                .sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        Actor seller = seller(first);
        long sessionId = first.getBean(SessionService.class).record(seller,
                new RecordInteraction(null, null, "Restart", "client_statement", "Zdanie", "pl")).interaction().sessionId();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long jobId = first.getBean(AnalysisJobQueue.class).latestOfSession(sessionId).orElseThrow().id();

        first.close();

        ScriptedRunner.behaviour = ScriptedRunner::ok;
        ConfigurableApplicationContext second = instance("second", true);
        JdbcClient jdbc = second.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> analyses(jdbc, sessionId) == 1);
        Thread.sleep(500);
        assertThat(analyses(jdbc, sessionId)).isEqualTo(1);
        AnalysisJob job = second.getBean(AnalysisJobQueue.class).find(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.attempts()).as("the interrupted attempt is not counted").isEqualTo(1);
    }

    @Test
    void workOfAnInstanceThatDiedIsRecoveredWhenItsLeaseExpires() {
        ConfigurableApplicationContext survivor = instance("survivor", false);
        JdbcClient jdbc = survivor.getBean(JdbcClient.class);
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        Actor seller = seller(survivor);
        long sessionId = survivor.getBean(SessionService.class).record(seller,
                new RecordInteraction(null, null, "Crash", "client_statement", "Zdanie", "pl")).interaction().sessionId();
        // an instance claimed it and was killed (no shutdown hook ran): its lease has run out
        jdbc.sql("""
                update analysis_job set status = 'RUNNING', attempts = 1, locked_by = 'killed-instance',
                       locked_until = now() - interval '1 second' where session_id = ?""").param(sessionId).update();

        ConfigurableApplicationContext worker = instance("worker", true);
        await().atMost(Duration.ofSeconds(15)).until(() -> analyses(jdbc, sessionId) == 1);
        AnalysisJob job = worker.getBean(AnalysisJobQueue.class).latestOfSession(sessionId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.lockedBy()).as("finished by the live instance").startsWith("worker-");
    }

    @Test
    void anAnalysisFinishedByOneInstanceIsPushedToListenersOfTheOther() {
        ConfigurableApplicationContext web = instance("web", false);
        ConfigurableApplicationContext worker = instance("worker", true);
        worker.getBean(JdbcClient.class)
                .sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();

        Actor seller = seller(web);
        List<SessionEvent> heardOnWeb = new CopyOnWriteArrayList<>();
        long sessionId = web.getBean(SessionService.class).record(seller,
                new RecordInteraction(null, null, "Dwie instancje", "client_statement", "Zdanie", "pl"))
                .interaction().sessionId();
        web.getBean(SessionEventBus.class).register(sessionId, heardOnWeb::add);

        await().atMost(Duration.ofSeconds(15)).until(() -> heardOnWeb.stream()
                .anyMatch(e -> e.kind() == SessionEvent.Kind.ANALYSIS_DONE));
        String doneBy = web.getBean(JdbcClient.class)
                .sql("select locked_by from analysis_job where session_id = ? and status = 'DONE'")
                .param(sessionId).query(String.class).single();
        assertThat(doneBy).isEqualTo(worker.getBean(AnalysisWorker.class).instanceId());
        assertThat(analyses(web.getBean(JdbcClient.class), sessionId)).isEqualTo(1);
    }
}
