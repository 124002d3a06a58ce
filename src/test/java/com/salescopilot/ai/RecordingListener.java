package com.salescopilot.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a guarded stream reports. */
final class RecordingListener implements StreamListener {

    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<String> thinking = new CopyOnWriteArrayList<>();
    final List<Duration> lateNotices = new CopyOnWriteArrayList<>();
    final AtomicInteger terminals = new AtomicInteger();
    final AtomicInteger callbacksAfterTerminal = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(1);
    volatile StreamResult result;
    volatile AiFailure failure;
    volatile String partial;

    @Override
    public void onToken(String token) {
        afterTerminalCheck();
        tokens.add(token);
    }

    @Override
    public void onThinking(String text) {
        afterTerminalCheck();
        thinking.add(text);
    }

    @Override
    public void onFirstTokenLate(Duration waited) {
        afterTerminalCheck();
        lateNotices.add(waited);
    }

    @Override
    public void onComplete(StreamResult r) {
        afterTerminalCheck();
        result = r;
        terminals.incrementAndGet();
        done.countDown();
    }

    @Override
    public void onError(AiFailure f, String partialText) {
        afterTerminalCheck();
        failure = f;
        partial = partialText;
        terminals.incrementAndGet();
        done.countDown();
    }

    private void afterTerminalCheck() {
        if (terminals.get() > 0) {
            callbacksAfterTerminal.incrementAndGet();
        }
    }

    /** Waits for the terminal callback; returns how long it took from the call. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String text() {
        return String.join("", tokens);
    }
}
