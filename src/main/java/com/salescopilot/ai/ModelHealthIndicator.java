package com.salescopilot.ai;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The model service in {@code /actuator/health} (component {@code ollama}). When the service is down or
 * lacks a model this reports the custom status {@code DEGRADED}: Spring Boot's status aggregator only
 * orders DOWN, OUT_OF_SERVICE, UP and UNKNOWN and leaves other codes out, so the application's overall
 * health stays UP (the app works without a model: interactions are stored and analyses wait), while the
 * details (shown to admins) tell the model state.
 */
class ModelHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "The model service is not ready; the app keeps working");

    private final ModelStatusService statuses;
    private final AiProperties properties;

    ModelHealthIndicator(ModelStatusService statuses, AiProperties properties) {
        this.statuses = statuses;
        this.properties = properties;
    }

    @Override
    public Health health() {
        ModelStatus status = statuses.status();
        Health.Builder health = status.ready() ? Health.up() : Health.status(DEGRADED);
        return health
                .withDetail("baseUrl", statuses.safeBaseUrl())
                .withDetail("apiKey", properties.hasApiKey() ? "set" : "none")
                .withDetail("reachable", status.reachable())
                .withDetail("modelsPresent", status.modelsPresent())
                .withDetail("fastModel", properties.fast().model())
                .withDetail("analysisModel", properties.analysis().model())
                .withDetail("missingModels", status.missingModels())
                .withDetail("message", status.message())
                .withDetail("checkedAt", String.valueOf(status.checkedAt()))
                .build();
    }
}
