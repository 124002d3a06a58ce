package com.salescopilot.ai;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps whatever LangChain4j, the JDK HTTP client or Ollama threw to an {@link AiFailure}. It looks at
 * the whole cause chain (LangChain4j wraps a lot), and never copies an exception's message into the
 * result except Ollama's own short {@code "error"} text, redacted and cut to 200 characters.
 */
public final class AiErrorClassifier {

    private static final Pattern OLLAMA_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private AiErrorClassifier() {
    }

    public static AiFailure classify(Throwable error) {
        if (error == null) {
            return AiFailure.of(AiFailureReason.OTHER, "unknown error");
        }
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) {
            if (t instanceof AiException ai) {
                return ai.failure();
            }
        }
        // an HTTP status anywhere in the chain is the most precise information
        for (Throwable t : chain) {
            if (t instanceof HttpException http) {
                return byStatus(http.statusCode(), ollamaError(http.getMessage()));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof HttpConnectTimeoutException) {
                return AiFailure.of(AiFailureReason.UNREACHABLE, "connect timeout");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException
                    || t instanceof UnresolvedModelServerException) {
                return AiFailure.of(AiFailureReason.UNREACHABLE, t.getClass().getSimpleName());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return AiFailure.of(AiFailureReason.TIMEOUT, "no answer in time");
            }
        }
        // LangChain4j's mapped exceptions without an HttpException inside
        for (Throwable t : chain) {
            if (t instanceof RateLimitException) {
                return new AiFailure(AiFailureReason.RATE_LIMITED, 429, "rate limited");
            }
            if (t instanceof AuthenticationException) {
                return AiFailure.of(AiFailureReason.AUTH, "authentication failed");
            }
            if (t instanceof ModelNotFoundException) {
                return new AiFailure(AiFailureReason.MODEL_NOT_FOUND, 404, "model not found");
            }
            if (t instanceof InternalServerException) {
                return AiFailure.of(AiFailureReason.HTTP_ERROR, "server error");
            }
            if (t instanceof InvalidRequestException) {
                return AiFailure.of(AiFailureReason.HTTP_ERROR, "invalid request");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException) {
                return AiFailure.of(AiFailureReason.CANCELLED, "interrupted");
            }
            if (t instanceof EOFException || (t instanceof IOException && looksClosed(t.getMessage()))) {
                return AiFailure.of(AiFailureReason.CONNECTION_CLOSED, "connection closed");
            }
        }
        for (Throwable t : chain) {
            if (looksClosed(t.getMessage())) {
                return AiFailure.of(AiFailureReason.CONNECTION_CLOSED, "connection closed");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return AiFailure.of(AiFailureReason.CONNECTION_CLOSED, t.getClass().getSimpleName());
            }
        }
        return AiFailure.of(AiFailureReason.OTHER, chain.getLast().getClass().getSimpleName());
    }

    /** The failure for an HTTP status of the model service. */
    public static AiFailure byStatus(int status, String ollamaError) {
        String detail = "HTTP " + status + (ollamaError == null || ollamaError.isBlank() ? "" : ": " + ollamaError);
        AiFailureReason reason;
        if (status == 429) {
            reason = AiFailureReason.RATE_LIMITED;
        } else if (status == 401 || status == 403) {
            reason = AiFailureReason.AUTH;
        } else if (status == 404) {
            reason = AiFailureReason.MODEL_NOT_FOUND;
        } else if (status == 408 || status == 504) {
            reason = AiFailureReason.TIMEOUT;
        } else {
            reason = AiFailureReason.HTTP_ERROR;
        }
        return new AiFailure(reason, status, detail);
    }

    /** Ollama's error bodies are {@code {"error":"..."}}: the text, redacted and cut short; null if none. */
    static String ollamaError(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = OLLAMA_ERROR.matcher(body);
        if (!m.find()) {
            return null;
        }
        String text = m.group(1).replace("\\\"", "\"").replace("\\n", " ");
        text = Redaction.redact(text);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static boolean looksClosed(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.equals("closed") || m.contains("connection reset") || m.contains("broken pipe")
                || m.contains("connection closed") || m.contains("received no bytes") || m.contains("eof reached")
                || m.contains("stream closed") || m.contains("premature");
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
