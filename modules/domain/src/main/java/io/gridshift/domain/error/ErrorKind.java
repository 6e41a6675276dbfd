package io.gridshift.domain.error;

/**
 * What went wrong, independent of the transport. Each edge maps a kind to its own status: HTTP
 * (400, 401, ...), CoAP (4.00, 4.01, ...) and MQTT v5 reason codes (0x80, 0x87, ...).
 */
public enum ErrorKind {
    /** The input breaks a rule of the protocol or the domain. */
    BAD_INPUT(400, "4.00", 0x99),
    /** The peer did not prove who it is. */
    UNAUTHENTICATED(401, "4.01", 0x86),
    /** The peer is known but may not do this (for example speak for another site). */
    FORBIDDEN(403, "4.03", 0x87),
    /** The addressed thing does not exist. */
    NOT_FOUND(404, "4.04", 0x90),
    /** The request clashes with the current state (a stale revision, a duplicate id). */
    CONFLICT(409, "4.09", 0x80),
    /** The payload is larger than allowed. */
    TOO_LARGE(413, "4.13", 0x95),
    /** The peer sends faster than allowed. */
    RATE_LIMITED(429, "4.29", 0x96),
    /** A dependency (broker, database, solver) is not available right now; retry later. */
    UNAVAILABLE(503, "5.03", 0x88),
    /** A bug or an unexpected state on our side. */
    INTERNAL(500, "5.00", 0x83);

    private final int httpStatus;
    private final String coapCode;
    private final int mqttReasonCode;

    ErrorKind(int httpStatus, String coapCode, int mqttReasonCode) {
        this.httpStatus = httpStatus;
        this.coapCode = coapCode;
        this.mqttReasonCode = mqttReasonCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** CoAP response code in the dotted form of RFC 7252, e.g. {@code "4.00"}. */
    public String coapCode() {
        return coapCode;
    }

    /** MQTT v5 reason code for a PUBACK or DISCONNECT (0x99: payload format invalid). */
    public int mqttReasonCode() {
        return mqttReasonCode;
    }
}
