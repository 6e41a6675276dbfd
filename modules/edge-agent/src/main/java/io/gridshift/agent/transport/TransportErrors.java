package io.gridshift.agent.transport;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;

/**
 * The failures a transport hands back in a send's future, in the project's one exception family so
 * that the agent maps them like any other: {@link ErrorKind#UNAVAILABLE} means "buffer it and try
 * again after reconnect", anything else means the message itself was refused.
 */
public final class TransportErrors {
    /** Reason: the link is down now; the transport is reconnecting. */
    public static final String DISCONNECTED = "disconnected";

    /** Reason: {@link EdgeTransport#close()} was called. */
    public static final String CLOSED = "closed";

    /** Reason: the peer did not answer in time. */
    public static final String TIMEOUT = "timeout";

    /** Reason: the payload exceeds the configured maximum. */
    public static final String TOO_LARGE = "too_large";

    /** Reason: the peer answered with an error code. */
    public static final String REFUSED = "refused";

    /** Reason: more messages are waiting for the link than the transport queues. */
    public static final String BACKLOG_FULL = "backlog_full";

    private TransportErrors() {}

    public static GridshiftException disconnected(String detail) {
        return new GridshiftException(ErrorKind.UNAVAILABLE, DISCONNECTED, detail);
    }

    public static GridshiftException disconnected(String detail, Throwable cause) {
        return new GridshiftException(ErrorKind.UNAVAILABLE, DISCONNECTED, detail, cause);
    }

    public static GridshiftException closed() {
        return new GridshiftException(ErrorKind.UNAVAILABLE, CLOSED, "the transport is closed");
    }

    public static GridshiftException timeout(String detail) {
        return new GridshiftException(ErrorKind.UNAVAILABLE, TIMEOUT, detail);
    }

    public static GridshiftException tooLarge(int size, int max) {
        return new GridshiftException(
                ErrorKind.TOO_LARGE,
                TOO_LARGE,
                "payload: " + size + " bytes, more than the limit of " + max);
    }

    public static GridshiftException refused(ErrorKind kind, String detail) {
        return new GridshiftException(kind, REFUSED, detail);
    }

    public static GridshiftException backlogFull(int limit) {
        return new GridshiftException(
                ErrorKind.RATE_LIMITED,
                BACKLOG_FULL,
                "more than " + limit + " messages wait for the broker to acknowledge earlier ones");
    }
}
