package com.salescopilot.analysis.queue;

import com.salescopilot.analysis.AnalysisProperties;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs queued analyses with bounded concurrency ({@code copilot.analysis.concurrency}) on virtual
 * threads. A poller claims due jobs while a slot is free; each running job's lease is extended while
 * it runs; expired leases of dead instances are recovered. On shutdown, jobs still running are handed
 * back to the queue so that the next start (of this or another instance) completes them.
 */
@Component
public class AnalysisWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalysisWorker.class);

    private final AnalysisJobQueue queue;
    private final AnalysisRunner runner;
    private final AnalysisProperties properties;
    private final String instanceId;
    private final Semaphore slots;
    private final Map<Long, Thread> running = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object wakeUp = new Object();
    private ScheduledExecutorService scheduler;
    private ExecutorService executor;
    private Thread poller;

    AnalysisWorker(AnalysisJobQueue queue, AnalysisRunner runner, AnalysisProperties properties) {
        this.queue = queue;
        this.runner = runner;
        this.properties = properties;
        this.instanceId = Optional.ofNullable(properties.instanceId()).filter(s -> !s.isBlank())
                .orElseGet(AnalysisWorker::defaultInstanceId);
        this.slots = new Semaphore(properties.concurrency());
    }

    public String instanceId() {
        return instanceId;
    }

    /** Number of analyses running on this instance now. */
    public int runningCount() {
        return running.size();
    }

    /** Asks the poller to look at the queue now (a job was queued). */
    public void wakeUp() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    @Override
    public void start() {
        if (!properties.workerEnabled() || !started.compareAndSet(false, true)) {
            return;
        }
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("analysis-", 0).factory());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("analysis-lease").factory());
        long leaseEvery = Math.max(1, properties.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::extendLeases, leaseEvery, leaseEvery, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::recover, 0, Math.max(1000, leaseEvery), TimeUnit.MILLISECONDS);
        poller = Thread.ofPlatform().daemon().name("analysis-poller").start(this::poll);
        log.info("Analysis worker {} started with {} slots", instanceId, properties.concurrency());
    }

    private void poll() {
        while (started.get()) {
            try {
                slots.acquire();
                Optional<AnalysisJob> job;
                try {
                    job = queue.claim(instanceId);
                } catch (RuntimeException e) {
                    slots.release();
                    log.warn("Could not claim an analysis job: {}", e.toString());
                    pause();
                    continue;
                }
                if (job.isEmpty()) {
                    slots.release();
                    pause();
                    continue;
                }
                AnalysisJob claimed = job.get();
                executor.execute(() -> run(claimed));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pause() throws InterruptedException {
        synchronized (wakeUp) {
            wakeUp.wait(properties.pollInterval().toMillis());
        }
    }

    private void run(AnalysisJob job) {
        running.put(job.id(), Thread.currentThread());
        try {
            CompletedAnalysis result = runner.run(job);
            if (!started.get() && Thread.currentThread().isInterrupted()) {
                return; // shutting down: the job was released and will be completed by the next start
            }
            if (!queue.complete(job, instanceId, result)) {
                log.info("Analysis job {} finished here but its lease had passed to another instance; result discarded",
                        job.id());
            }
        } catch (AnalysisFailure failure) {
            if (started.get()) {
                queue.fail(job, instanceId, failure);
            }
        } catch (RuntimeException e) {
            if (started.get()) {
                log.error("Analysis job {} failed unexpectedly", job.id(), e);
                queue.fail(job, instanceId, new AnalysisFailure("internal",
                        "The analysis failed because of an internal error.", true));
            }
        } finally {
            running.remove(job.id());
            slots.release();
        }
    }

    private void extendLeases() {
        for (Long jobId : running.keySet()) {
            try {
                queue.extendLease(jobId, instanceId);
            } catch (RuntimeException e) {
                log.warn("Could not extend the lease of analysis job {}: {}", jobId, e.toString());
            }
        }
    }

    private void recover() {
        try {
            int recovered = queue.recoverExpiredLeases();
            if (recovered > 0) {
                log.info("Recovered {} analysis jobs of instances that stopped", recovered);
                wakeUp();
            }
        } catch (RuntimeException e) {
            log.warn("Could not recover expired analysis leases: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (!started.compareAndSet(true, false)) {
            return;
        }
        poller.interrupt();
        scheduler.shutdownNow();
        // Hand unfinished work back first, then interrupt: whatever the threads do afterwards is discarded.
        for (Long jobId : running.keySet()) {
            try {
                queue.release(jobId, instanceId);
            } catch (RuntimeException e) {
                log.warn("Could not release analysis job {} on shutdown (its lease will expire): {}", jobId, e.toString());
            }
        }
        running.values().forEach(Thread::interrupt);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return started.get();
    }

    @Override
    public int getPhase() {
        // stop before the data source and the notification listener
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
