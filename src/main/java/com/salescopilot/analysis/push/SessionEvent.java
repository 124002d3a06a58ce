package com.salescopilot.analysis.push;

/**
 * Something happened to a session that open cockpits should show: an analysis was queued, started,
 * finished or failed, or a fast answer finished. {@code refId} is the job or interaction id.
 */
public record SessionEvent(Kind kind, long sessionId, long refId) {

    public enum Kind {
        ANALYSIS_QUEUED,
        ANALYSIS_STARTED,
        ANALYSIS_DONE,
        ANALYSIS_FAILED,
        FAST_DONE,
        FEEDBACK
    }

    String encode() {
        return prefix(kind, sessionId) + refId;
    }

    /** The payload up to the reference id, for statements that notify with an id they create. */
    static String prefix(Kind kind, long sessionId) {
        return kind.name() + "|" + sessionId + "|";
    }

    static SessionEvent decode(String payload) {
        String[] parts = payload.split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a session event: " + payload);
        }
        return new SessionEvent(Kind.valueOf(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }
}
