package io.gridshift.openadr.codec;

import org.xml.sax.Locator;

/** Which root elements a read accepts. */
enum Root {
    PAYLOAD("oadrPayload"),
    SIGNED_OBJECT("oadrSignedObject"),
    /** Either of the two. */
    EITHER("oadrPayload or oadrSignedObject");

    private final String expected;

    Root(String expected) {
        this.expected = expected;
    }

    /**
     * The refusal for a root outside the OpenADR 2.0b namespace or other than the expected one, or
     * null if the root is accepted.
     */
    OadrCodecException check(String namespace, String localName, Locator at) {
        if (!OadrSchema.OADR_NS.equals(namespace)) {
            String found = namespace.isEmpty() ? "no namespace" : namespace;
            return Errors.atRoot(
                    OadrCodecException.Failure.WRONG_NAMESPACE,
                    "root element '"
                            + localName
                            + "' is in namespace '"
                            + found
                            + "'; expected '"
                            + OadrSchema.OADR_NS
                            + "'",
                    localName,
                    at);
        }
        boolean accepted =
                switch (this) {
                    case PAYLOAD -> localName.equals("oadrPayload");
                    case SIGNED_OBJECT -> localName.equals("oadrSignedObject");
                    case EITHER ->
                            localName.equals("oadrPayload") || localName.equals("oadrSignedObject");
                };
        if (accepted) {
            return null;
        }
        return Errors.atRoot(
                OadrCodecException.Failure.UNKNOWN_ROOT,
                "root element '" + localName + "' is not accepted here; expected " + expected,
                localName,
                at);
    }
}
