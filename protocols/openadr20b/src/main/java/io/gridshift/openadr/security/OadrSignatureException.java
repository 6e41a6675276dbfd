package io.gridshift.openadr.security;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;

/** An OpenADR XML signature that cannot be made or is not accepted, with its reason. */
public final class OadrSignatureException extends GridshiftException {
    private static final long serialVersionUID = 1L;

    public OadrSignatureException(String reason, String message) {
        this(reason, message, null);
    }

    public OadrSignatureException(String reason, String message, Throwable cause) {
        super(ErrorKind.BAD_INPUT, reason, message, cause);
    }
}
