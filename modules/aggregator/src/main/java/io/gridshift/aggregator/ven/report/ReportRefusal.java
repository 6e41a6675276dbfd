package io.gridshift.aggregator.ven.report;

import io.gridshift.openadr.message.OadrResponseCode;

/** A report request the VEN cannot carry out: the OpenADR code to answer with, and why. */
public final class ReportRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient OadrResponseCode code;

    public ReportRefusal(OadrResponseCode code, String message) {
        super(message);
        this.code = code;
    }

    public OadrResponseCode code() {
        return code;
    }
}
