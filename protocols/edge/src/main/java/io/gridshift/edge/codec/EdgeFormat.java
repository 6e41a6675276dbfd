package io.gridshift.edge.codec;

/** The two encodings of the edge protocol; both carry the same field names and rules. */
public enum EdgeFormat {
    /** UTF-8 JSON (RFC 8259); the only encoding over MQTT. */
    JSON("application/json", 50),
    /** CBOR (RFC 8949), for constrained CoAP agents. */
    CBOR("application/cbor", 60);

    private final String mediaType;
    private final int coapContentFormat;

    EdgeFormat(String mediaType, int coapContentFormat) {
        this.mediaType = mediaType;
        this.coapContentFormat = coapContentFormat;
    }

    /** The media type, e.g. for the MQTT v5 content-type property. */
    public String mediaType() {
        return mediaType;
    }

    /** The CoAP Content-Format number (RFC 7252 §12.3 registry). */
    public int coapContentFormat() {
        return coapContentFormat;
    }

    /** The format of a CoAP Content-Format number; {@code null} when neither. */
    public static EdgeFormat ofCoapContentFormat(int number) {
        for (EdgeFormat f : values()) {
            if (f.coapContentFormat == number) {
                return f;
            }
        }
        return null;
    }
}
