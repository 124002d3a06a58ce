package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application (test profile, real PostgreSQL) with the ai module pointed at the fake Ollama:
 * the context starts with LangChain4j's Spring Boot starter, the beans are wired, an {@code @AiService}
 * works, and {@code /actuator/health} stays UP while the model service is degraded or down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiContextTest {

    private static final FakeOllama fake = FakeOllama.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void ai(DynamicPropertyRegistry registry) {
        registry.add("copilot.ai.base-url", fake::baseUrl);
        registry.add("copilot.ai.api-key", () -> "context-test-key-31337");
        registry.add("copilot.ai.status-cache-ttl", () -> "0s");
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    StreamingChatModel fastModel;
    @Autowired
    ChatModel analysisModel;
    @Autowired
    GuardedStreaming streaming;
    @Autowired
    ModelStatusService statuses;
    @Autowired
    HealthEndpoint healthEndpoint;
    @Autowired
    EchoAssistant assistant;

    @Test
    @Order(1)
    void theModelsAreBuiltFromThePropertiesAndAnAiServiceIsWired() throws Exception {
        fake.reset();
        fake.enqueueChat(Answer.text("echo"), Answer.text("streamed answer"));

        String reply = assistant.reply("echo");
        RecordingListener listener = new RecordingListener();
        streaming.stream(ChatRequest.builder().messages(UserMessage.from("x")).build(), listener);

        assertThat(reply).isEqualTo("echo");
        assertThat(listener.await(Duration.ofSeconds(10))).isTrue();
        assertThat(listener.result.text()).isEqualTo("streamed answer");
        assertThat(fake.chatRequests()).hasSize(2);
        assertThat(fake.chatRequests().get(0).think().asString()).isEqualTo("medium");
        assertThat(fake.chatRequests().get(0).stream()).isFalse();
        assertThat(fake.chatRequests().get(0).systemPrompt()).contains("You repeat what you are told.");
        assertThat(fake.chatRequests().get(1).think().asString()).isEqualTo("low");
        assertThat(fake.chatRequests()).allSatisfy(r ->
                assertThat(r.header("Authorization")).isEqualTo("Bearer context-test-key-31337"));
    }

    @Test
    @Order(2)
    void overallHealthStaysUpWhileTheModelServiceIsMissingAModelOrDown() throws Exception {
        fake.reset();

        assertThat(overallOverHttp()).isEqualTo("UP");
        assertThat(ollama().getStatus()).isEqualTo(Status.UP);
        assertThat(ollama().getDetails()).containsEntry("reachable", true).containsEntry("modelsPresent", true);

        fake.models("something-else:1b");
        assertThat(ollama().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(ollama().getDetails()).containsEntry("reachable", true).containsEntry("modelsPresent", false);
        assertThat(healthEndpoint.health().getStatus()).isEqualTo(Status.UP);
        assertThat(overallOverHttp()).isEqualTo("UP");

        fake.close();
        assertThat(ollama().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(ollama().getDetails()).containsEntry("reachable", false);
        assertThat(healthEndpoint.health().getStatus()).isEqualTo(Status.UP);
        assertThat(overallOverHttp()).isEqualTo("UP");
        assertThat(statuses.status().reachable()).isFalse();
        assertThat(ollama().getDetails().toString()).doesNotContain("context-test-key-31337");
    }

    private IndicatedHealthDescriptor ollama() {
        HealthDescriptor descriptor = healthEndpoint.healthForPath("ollama");
        assertThat(descriptor).isInstanceOf(IndicatedHealthDescriptor.class);
        return (IndicatedHealthDescriptor) descriptor;
    }

    /** Anonymous GET /actuator/health: must be 200 with status UP. */
    private String overallOverHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("status").asString();
    }
}
