package com.salescopilot.analysis.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A stand-in for the model-backed runner in queue tests: what it does per job is set by each test
 * (static, so that contexts built by hand in restart tests share it). It counts concurrent runs.
 */
public final class ScriptedRunner implements AnalysisRunner {

    static volatile Function<AnalysisJob, CompletedAnalysis> behaviour = ScriptedRunner::ok;
    static final AtomicInteger current = new AtomicInteger();
    static final AtomicInteger maxConcurrent = new AtomicInteger();
    static final List<Long> started = new CopyOnWriteArrayList<>();

    static void reset() {
        behaviour = ScriptedRunner::ok;
        current.set(0);
        maxConcurrent.set(0);
        started.clear();
    }

    static CompletedAnalysis ok(AnalysisJob job) {
        return new CompletedAnalysis("{\"job\":" + job.id() + ",\"interaction\":" + job.interactionId() + "}",
                "raw output of job " + job.id(), "[]", false, "scripted", 5);
    }

    @Override
    public CompletedAnalysis run(AnalysisJob job) {
        started.add(job.id());
        int now = current.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            return behaviour.apply(job);
        } finally {
            current.decrementAndGet();
        }
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        AnalysisRunner scriptedRunner() {
            return new ScriptedRunner();
        }
    }
}
