package io.gridshift.vtn.oadr;

import io.gridshift.openadr.message.OadrResponseCode;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.ei.EiResponseType;

/** Builders of the {@code eiResponse} and {@code oadrResponse} every VTN answer carries. */
public final class Replies {
    public static final String SCHEMA_VERSION = "2.0b";

    private Replies() {}

    /** An {@code eiResponse}; an absent request id is sent empty (the element is required). */
    public static EiResponseType eiResponse(
            OadrResponseCode code, String detail, String requestId) {
        EiResponseType response = new EiResponseType();
        response.setResponseCode(code.text());
        response.setResponseDescription(
                detail == null ? code.description() : code.description() + ": " + detail);
        response.setRequestID(requestId == null ? "" : requestId);
        return response;
    }

    public static EiResponseType ok(String requestId) {
        return eiResponse(OadrResponseCode.OK, null, requestId);
    }

    /** A generic {@code oadrResponse}. */
    public static OadrResponseType response(
            OadrResponseCode code, String detail, String requestId, String venId) {
        OadrResponseType response = new OadrResponseType();
        response.setSchemaVersion(SCHEMA_VERSION);
        response.setEiResponse(eiResponse(code, detail, requestId));
        response.setVenID(venId);
        return response;
    }

    /** The answer to a message from a VEN that is not registered (463). */
    public static OadrResponseType notRegistered(String requestId, String venId) {
        return response(
                OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED,
                "venID " + venId + " is not registered",
                requestId,
                venId);
    }
}
