package com.salescopilot.ai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the model service is reachable and has the configured models ({@code GET {base-url}/api/tags},
 * with the bearer key when one is set). Results are reused for {@code copilot.ai.status-cache-ttl}
 * (15 s by default), so the health endpoint and every cockpit together ask at most once per period.
 */
public class ModelStatusService {

    private static final Logger log = LoggerFactory.getLogger(ModelStatusService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AiProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final Object refreshLock = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile ModelStatus last = ModelStatus.unknown();
    private volatile long lastCheckedNanos;

    public ModelStatusService(AiProperties properties) {
        this(properties, Clock.systemUTC());
    }

    ModelStatusService(AiProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.healthTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The status, checked now if the last check is older than the cache period (blocks at most the health timeout). */
    public ModelStatus status() {
        if (fresh()) {
            return last;
        }
        synchronized (refreshLock) {
            if (fresh()) {
                return last;
            }
            return refresh();
        }
    }

    /**
     * The last known status without waiting; when it is stale a check starts in the background. For the
     * UI thread.
     */
    public ModelStatus lastKnown() {
        if (!fresh() && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ai-model-status").start(() -> {
                try {
                    status();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return last;
    }

    /** Checks now, whatever the cache holds. */
    public ModelStatus refresh() {
        ModelStatus status = check();
        last = status;
        lastCheckedNanos = System.nanoTime();
        return status;
    }

    /** The configured models that are checked: the fast and the analysis model. */
    public List<String> configuredModels() {
        Set<String> models = new LinkedHashSet<>();
        models.add(properties.fast().model());
        models.add(properties.analysis().model());
        return List.copyOf(models);
    }

    private boolean fresh() {
        return last.checkedAt() != null && System.nanoTime() - lastCheckedNanos < properties.statusCacheTtl().toNanos();
    }

    private ModelStatus check() {
        Instant now = clock.instant();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/api/tags"))
                .timeout(properties.healthTimeout())
                .header("Accept", "application/json")
                .GET();
        if (properties.hasApiKey()) {
            request.header("Authorization", "Bearer " + properties.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(now, AiFailure.of(AiFailureReason.CANCELLED, "interrupted"));
        } catch (IOException | RuntimeException e) {
            AiFailure failure = AiErrorClassifier.classify(e);
            log.debug("Model service check failed: {}", failure);
            return unreachable(now, failure);
        }
        if (response.statusCode() != 200) {
            AiFailure failure = AiErrorClassifier.byStatus(response.statusCode(),
                    AiErrorClassifier.ollamaError(response.body()));
            log.debug("Model service check failed: {}", failure);
            return unreachable(now, failure);
        }
        Set<String> available = new HashSet<>();
        try {
            for (JsonNode model : JSON.readTree(response.body()).path("models")) {
                for (String field : List.of("name", "model")) {
                    String name = model.path(field).asString(null);
                    if (name != null) {
                        available.add(normalize(name));
                    }
                }
            }
        } catch (JacksonException e) {
            return new ModelStatus(true, false, configuredModels(), "ai.status.error",
                    "The model service answered, but not with a model list.", now);
        }
        List<String> missing = configuredModels().stream().filter(m -> !available.contains(normalize(m))).toList();
        if (missing.isEmpty()) {
            return new ModelStatus(true, true, List.of(), "ai.status.ok", "The model service is ready.", now);
        }
        return new ModelStatus(true, false, missing, "ai.status.models-missing",
                "The model service is reachable, but these models are not available: " + String.join(", ", missing)
                        + ".", now);
    }

    private ModelStatus unreachable(Instant now, AiFailure failure) {
        String key = switch (failure.reason()) {
            case AUTH -> "ai.status.auth";
            case HTTP_ERROR, RATE_LIMITED, MODEL_NOT_FOUND -> "ai.status.error";
            default -> "ai.status.unreachable";
        };
        String message = switch (failure.reason()) {
            case AUTH -> "The model service rejected the API key.";
            case TIMEOUT -> "The model service did not answer within " + properties.healthTimeout().toMillis() + " ms.";
            case HTTP_ERROR, RATE_LIMITED, MODEL_NOT_FOUND -> "The model service answered with an error ("
                    + (failure.httpStatus() == null ? failure.reason() : "HTTP " + failure.httpStatus()) + ").";
            default -> "The model service cannot be reached.";
        };
        return new ModelStatus(false, false, configuredModels(), key, message, now);
    }

    /** "llama3" and "llama3:latest" are the same model. */
    static String normalize(String model) {
        String m = model.strip();
        return m.endsWith(":latest") ? m.substring(0, m.length() - ":latest".length()) : m;
    }

    /** For the health details: the base URL without user info or query. */
    String safeBaseUrl() {
        try {
            URI uri = URI.create(properties.baseUrl());
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(invalid)";
        }
    }

    Duration cacheTtl() {
        return properties.statusCacheTtl();
    }
}
