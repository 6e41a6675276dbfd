package io.gridshift.openadr.codec;

/**
 * How an {@link OadrCodec} reads and writes.
 *
 * @param validate validate every document read against the OpenADR 2.0b schema, and, with {@code
 *     validateWrites}, every document written (default {@code true}). Without it, reading is
 *     lenient in the way of JAXB: unknown elements are skipped and missing ones stay {@code null},
 *     and nothing written is validated. The security checks (DOCTYPE, size, root element and
 *     namespace) apply either way.
 * @param maxDocumentBytes the largest document accepted, in bytes (default 1 MiB). It is enforced
 *     before parsing: a stream is read to at most this many bytes plus one.
 * @param prettyPrint indent written documents (default {@code false}: compact output is smaller and
 *     faster to write)
 * @param validateWrites when {@code validate} is on, also validate every document written, by
 *     reading it back through the validating parser before it is handed out (default {@code true}).
 *     It costs about as much as reading a message. Written documents come from our own typed
 *     objects, so a failure here is a bug on our side, never hostile input: a service that sends
 *     many messages and whose tests write through a validating codec may switch it off with {@link
 *     #withValidateWrites(boolean)}. Reads stay validated either way.
 */
public record OadrCodecOptions(
        boolean validate, int maxDocumentBytes, boolean prettyPrint, boolean validateWrites) {

    /** 1 MiB: the largest OpenADR 2.0b message we expect is a report of a few thousand points. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1 << 20;

    /**
     * The deepest element nesting read or written (the golden examples nest 12): deeper documents
     * are refused with {@code too_deep} before JAXB builds anything for the extra levels.
     */
    public static final int MAX_ELEMENT_DEPTH = 64;

    /** Validating reads and writes, 1 MiB limit, compact output. */
    public static final OadrCodecOptions DEFAULTS =
            new OadrCodecOptions(true, DEFAULT_MAX_DOCUMENT_BYTES, false, true);

    public OadrCodecOptions {
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException(
                    "maxDocumentBytes must be at least 1, got " + maxDocumentBytes);
        }
        if (maxDocumentBytes == Integer.MAX_VALUE) {
            // A stream is read to limit + 1 bytes; that must still fit in an array.
            throw new IllegalArgumentException("maxDocumentBytes must be below Integer.MAX_VALUE");
        }
    }

    /** Options that validate written documents whenever {@code validate} is on. */
    public OadrCodecOptions(boolean validate, int maxDocumentBytes, boolean prettyPrint) {
        this(validate, maxDocumentBytes, prettyPrint, true);
    }

    /**
     * The same options with validation switched on or off ({@link #validateWrites()} is kept: it
     * only has an effect while validation is on).
     */
    public OadrCodecOptions withValidate(boolean value) {
        return new OadrCodecOptions(value, maxDocumentBytes, prettyPrint, validateWrites);
    }

    /** The same options with another size limit. */
    public OadrCodecOptions withMaxDocumentBytes(int value) {
        return new OadrCodecOptions(validate, value, prettyPrint, validateWrites);
    }

    /** The same options with indented or compact output. */
    public OadrCodecOptions withPrettyPrint(boolean value) {
        return new OadrCodecOptions(validate, maxDocumentBytes, value, validateWrites);
    }

    /** The same options with written documents validated (while {@code validate} is on) or not. */
    public OadrCodecOptions withValidateWrites(boolean value) {
        return new OadrCodecOptions(validate, maxDocumentBytes, prettyPrint, value);
    }

    /** Whether written documents are validated: {@code validate && validateWrites}. */
    boolean checksWrites() {
        return validate && validateWrites;
    }
}
