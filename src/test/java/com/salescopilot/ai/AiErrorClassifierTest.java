package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AiErrorClassifierTest {

    @Test
    void mapsStatusesAnywhereInTheChain() {
        assertThat(AiErrorClassifier.classify(new InternalServerException(new HttpException(503, "{\"error\":\"busy\"}"))))
                .satisfies(f -> {
                    assertThat(f.reason()).isEqualTo(AiFailureReason.HTTP_ERROR);
                    assertThat(f.httpStatus()).isEqualTo(503);
                    assertThat(f.detail()).isEqualTo("HTTP 503: busy");
                });
        assertThat(AiErrorClassifier.classify(new RateLimitException(new HttpException(429, ""))).reason())
                .isEqualTo(AiFailureReason.RATE_LIMITED);
        assertThat(AiErrorClassifier.classify(new HttpException(403, "")).reason()).isEqualTo(AiFailureReason.AUTH);
        assertThat(AiErrorClassifier.classify(new HttpException(404, "")).reason()).isEqualTo(AiFailureReason.MODEL_NOT_FOUND);
        assertThat(AiErrorClassifier.classify(new HttpException(400, "")).reason()).isEqualTo(AiFailureReason.HTTP_ERROR);
    }

    @Test
    void mapsTransportProblems() {
        assertThat(AiErrorClassifier.classify(new TimeoutException(new HttpTimeoutException("request timed out"))).reason())
                .isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(AiErrorClassifier.classify(new RuntimeException(new HttpConnectTimeoutException("connect"))).reason())
                .isEqualTo(AiFailureReason.UNREACHABLE);
        assertThat(AiErrorClassifier.classify(new CompletionException(new ConnectException())).reason())
                .isEqualTo(AiFailureReason.UNREACHABLE);
        assertThat(AiErrorClassifier.classify(new LangChain4jException(new IOException("closed"))).reason())
                .isEqualTo(AiFailureReason.CONNECTION_CLOSED);
        assertThat(AiErrorClassifier.classify(new IllegalStateException("boom")).reason()).isEqualTo(AiFailureReason.OTHER);
        assertThat(AiErrorClassifier.classify(new AiException(AiFailure.of(AiFailureReason.EMPTY_RESPONSE, "x"))).reason())
                .isEqualTo(AiFailureReason.EMPTY_RESPONSE);
    }

    @Test
    void everyReasonHasAKeyAndAnEnglishText() {
        for (AiFailureReason reason : AiFailureReason.values()) {
            assertThat(reason.messageKey()).startsWith("ai.error.");
            assertThat(reason.defaultMessage()).isNotBlank().doesNotContain("Exception");
        }
    }

    @Test
    void neverCopiesExceptionMessagesOrBearerTokens() {
        AiFailure failure = AiErrorClassifier.classify(
                new IllegalStateException("Authorization: Bearer sk-live-abc at line 3, prompt: secret client data"));
        AiFailure http = AiErrorClassifier.classify(
                new HttpException(500, "{\"error\":\"bad header Bearer sk-live-abc\"}"));

        assertThat(failure.toString()).doesNotContain("sk-live-abc").doesNotContain("secret client data");
        assertThat(http.detail()).doesNotContain("sk-live-abc").contains("Bearer ****");
        assertThat(failure.toException().getStackTrace()).isEmpty();
        assertThat(failure.toException().getCause()).isNull();
    }
}
