package com.salescopilot.analysis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The slow-path queue: how many analyses run at once on this instance, how often the queue is polled
 * (a database notification also wakes it), how many automatic attempts a failing analysis gets and the
 * backoff between them, and how long a claimed job stays leased before another instance may take it.
 */
@ConfigurationProperties("copilot.analysis")
public record AnalysisProperties(
        @DefaultValue("4") int concurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("15s") Duration retryBackoff,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("true") boolean workerEnabled,
        String instanceId) {

    public AnalysisProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("copilot.analysis.concurrency must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("copilot.analysis.max-attempts must be at least 1");
        }
    }
}
