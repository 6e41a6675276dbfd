package io.gridshift.domain.error;

import java.util.Objects;

/**
 * The one exception family of Gridshift. It carries a transport-independent {@link ErrorKind} and a
 * short machine-readable {@code reason} that becomes the label of the metric {@code
 * gridshift_rejected_messages_total{reason}}.
 */
public class GridshiftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String reason;

    public GridshiftException(ErrorKind kind, String reason, String message) {
        this(kind, reason, message, null);
    }

    public GridshiftException(ErrorKind kind, String reason, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ErrorKind kind() {
        return kind;
    }

    /** A short, stable, lower-case code such as {@code range} or {@code pattern}. */
    public String reason() {
        return reason;
    }
}
