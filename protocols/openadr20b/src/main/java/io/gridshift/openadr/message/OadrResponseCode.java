package io.gridshift.openadr.message;

import io.gridshift.openadr.codec.OadrCodecException;
import java.util.Optional;
import org.openadr.oadr20b.ei.EiResponseType;

/**
 * The response codes of OpenADR 2.0b (specification, "Response codes"): 200 for success and the
 * application-layer error codes 450-469 that an {@code eiResponse} carries. OpenADR answers
 * application errors with HTTP 200 and one of these in the body. Both the VEN and the VTN use them.
 */
public enum OadrResponseCode {
    OK(200, "OK"),
    OUT_OF_SEQUENCE(450, "Out of sequence"),
    NOT_ALLOWED(451, "Not allowed"),
    INVALID_ID(452, "Invalid ID"),
    NOT_RECOGNIZED(453, "Not recognized"),
    INVALID_DATA(454, "Invalid data"),
    COMPLIANCE_ERROR(459, "Compliance error"),
    SIGNAL_NOT_SUPPORTED(460, "Signal not supported"),
    REPORT_NOT_SUPPORTED(461, "Report not supported"),
    TARGET_MISMATCH(462, "Target mismatch"),
    NOT_REGISTERED_OR_AUTHORIZED(463, "Not registered or authorized"),
    DEPLOYMENT_ERROR_OTHER(469, "Deployment error");

    private final int code;
    private final String description;

    OadrResponseCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    /** The code as an {@code ei:responseCode} carries it, e.g. {@code "454"}. */
    public String text() {
        return Integer.toString(code);
    }

    public String description() {
        return description;
    }

    /** An {@code eiResponse} with this code, {@code description} (the code's own when null). */
    public EiResponseType response(String requestId, String description) {
        EiResponseType r = new EiResponseType();
        r.setResponseCode(text());
        r.setResponseDescription(description == null ? this.description : description);
        r.setRequestID(requestId == null ? "" : requestId);
        return r;
    }

    public boolean isSuccess() {
        return this == OK;
    }

    /**
     * The code for a document the codec refused: a root that is not an OpenADR 2.0b payload is not
     * recognized (453), anything else (not XML, a schema violation, a DOCTYPE, too large) is
     * invalid data (454).
     */
    public static OadrResponseCode of(OadrCodecException e) {
        return switch (e.reason()) {
            case "wrong_namespace", "unknown_root" -> NOT_RECOGNIZED;
            default -> INVALID_DATA;
        };
    }

    /**
     * The HTTP status for a document the codec refused: 400 when the body cannot be read as XML at
     * all, 413 when it is too large, 200 otherwise (a readable document that breaks the schema is
     * an application error, answered in the body).
     */
    public static int httpStatus(OadrCodecException e) {
        return switch (e.reason()) {
            case "malformed", "doctype_forbidden", "io" -> 400;
            case "too_large" -> 413;
            default -> 200;
        };
    }

    /** The code for the text of an {@code ei:responseCode}; empty for one not listed here. */
    public static Optional<OadrResponseCode> of(String text) {
        for (OadrResponseCode c : values()) {
            if (c.text().equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
