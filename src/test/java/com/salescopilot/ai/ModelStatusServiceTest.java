package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.ai.fake.RecordedRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The model status and the health indicator against the fake: present, missing, down, key rejected, cached. */
class ModelStatusServiceTest {

    private static final FakeOllama fake = FakeOllama.start();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @Test
    void modelPresent() {
        ModelStatusService service = new ModelStatusService(TestAi.properties(fake.baseUrl()));

        ModelStatus status = service.status();

        assertThat(status.reachable()).isTrue();
        assertThat(status.modelsPresent()).isTrue();
        assertThat(status.ready()).isTrue();
        assertThat(status.messageKey()).isEqualTo("ai.status.ok");
        assertThat(status.checkedAt()).isNotNull();
        assertThat(fake.requests()).extracting(RecordedRequest::path).containsExactly("/api/tags");
        assertThat(fake.requests().getFirst().headers()).doesNotContainKey("Authorization");
    }

    @Test
    void latestTagIsTheSameModel() {
        fake.models("llama3:latest");
        AiProperties base = TestAi.properties(fake.baseUrl());
        AiProperties properties = new AiProperties(base.baseUrl(), null,
                new AiProperties.Fast("llama3", ReasoningEffort.DEFAULT, Duration.ofSeconds(5), 100, null, null),
                new AiProperties.Analysis("llama3", ReasoningEffort.DEFAULT, Duration.ofSeconds(5), 100, null, null, 0),
                base.connectTimeout(), base.firstTokenNotice(), base.streamIdleTimeout(), base.streamTotalTimeout(),
                base.healthTimeout(), base.statusCacheTtl());

        assertThat(new ModelStatusService(properties).status().ready()).isTrue();
    }

    @Test
    void modelMissing() {
        fake.models("qwen3:8b");
        ModelStatusService service = new ModelStatusService(TestAi.properties(fake.baseUrl()));

        ModelStatus status = service.status();

        assertThat(status.reachable()).isTrue();
        assertThat(status.modelsPresent()).isFalse();
        assertThat(status.missingModels()).containsExactly(TestAi.MODEL);
        assertThat(status.messageKey()).isEqualTo("ai.status.models-missing");
        assertThat(status.message()).contains(TestAi.MODEL);
    }

    @Test
    void serverDown() {
        FakeOllama gone = FakeOllama.start();
        String url = gone.baseUrl();
        gone.close();

        ModelStatus status = new ModelStatusService(TestAi.properties(url)).status();

        assertThat(status.reachable()).isFalse();
        assertThat(status.modelsPresent()).isFalse();
        assertThat(status.messageKey()).isEqualTo("ai.status.unreachable");
    }

    @Test
    void serverHangsIsUnreachableWithinTheHealthTimeout() {
        try (FakeOllama hanging = FakeOllama.start()) {   // its own: the JDK client retries a dropped GET
            hanging.tagsFault(Answer.hang());
            long start = System.nanoTime();

            ModelStatus status = new ModelStatusService(TestAi.properties(hanging.baseUrl())).status();

            assertThat(status.reachable()).isFalse();
            assertThat(status.message()).contains("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));   // timeout 2 s
        }
    }

    @Test
    void keyRejected() {
        fake.requireApiKey("right-key-1234");

        ModelStatus status = new ModelStatusService(
                TestAi.properties(fake.baseUrl(), "wrong-key-5678", Duration.ofSeconds(5))).status();

        assertThat(status.reachable()).isFalse();
        assertThat(status.messageKey()).isEqualTo("ai.status.auth");
        assertThat(fake.requests().getFirst().header("Authorization")).isEqualTo("Bearer wrong-key-5678");
        assertThat(status.toString()).doesNotContain("wrong-key-5678");
    }

    @Test
    void resultsAreReusedWithinTheCachePeriodAndRefreshChecksAgain() {
        ModelStatusService service = new ModelStatusService(TestAi.properties(fake.baseUrl()));

        ModelStatus first = service.status();
        ModelStatus second = service.status();
        service.lastKnown();
        fake.models();
        ModelStatus refreshed = service.refresh();

        assertThat(second).isSameAs(first);
        assertThat(refreshed.modelsPresent()).isFalse();
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void lastKnownNeverWaitsAndChecksInTheBackground() throws Exception {
        try (FakeOllama hanging = FakeOllama.start()) {
            hanging.tagsFault(Answer.hang());
            ModelStatusService service = new ModelStatusService(TestAi.properties(hanging.baseUrl()));
            long start = System.nanoTime();

            ModelStatus status = service.lastKnown();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(status.messageKey()).isEqualTo("ai.status.unknown");
            hanging.awaitRequests(r -> r.path().equals("/api/tags"), 1, Duration.ofSeconds(2));
        }
    }

    @Test
    void healthIsUpWhenReadyAndDegradedOtherwiseWithDetails() {
        AiProperties properties = TestAi.properties(fake.baseUrl(), "secret-key-999", Duration.ofSeconds(5));
        ModelStatusService service = new ModelStatusService(properties);
        ModelHealthIndicator indicator = new ModelHealthIndicator(service, properties);

        Health up = indicator.health();
        fake.models("other:1b");
        service.refresh();
        Health degraded = indicator.health();

        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("reachable", true).containsEntry("modelsPresent", true)
                .containsEntry("apiKey", "set").containsEntry("baseUrl", fake.baseUrl());
        assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(degraded.getDetails()).containsEntry("reachable", true).containsEntry("modelsPresent", false);
        assertThat(degraded.toString()).doesNotContain("secret-key-999");
    }
}
