package io.gridshift.openadr.codec;

/**
 * How an {@link OadrCodec} reads and writes.
 *
 * @param validate validate every document read and every document written against the OpenADR 2.0b
 *     schema (default {@code true}). Without it, reading is lenient in the way of JAXB: unknown
 *     elements are skipped and missing ones stay {@code null}. The security checks (DOCTYPE, size,
 *     root element and namespace) apply either way.
 * @param maxDocumentBytes the largest document accepted, in bytes (default 1 MiB). It is enforced
 *     before parsing: a stream is read to at most this many bytes plus one.
 * @param prettyPrint indent written documents (default {@code false}: compact output is smaller and
 *     faster to write)
 */
public record OadrCodecOptions(boolean validate, int maxDocumentBytes, boolean prettyPrint) {

    /** 1 MiB: the largest OpenADR 2.0b message we expect is a report of a few thousand points. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1 << 20;

    /** Validating, 1 MiB limit, compact output. */
    public static final OadrCodecOptions DEFAULTS =
            new OadrCodecOptions(true, DEFAULT_MAX_DOCUMENT_BYTES, false);

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

    /** The same options with validation switched on or off. */
    public OadrCodecOptions withValidate(boolean value) {
        return new OadrCodecOptions(value, maxDocumentBytes, prettyPrint);
    }

    /** The same options with another size limit. */
    public OadrCodecOptions withMaxDocumentBytes(int value) {
        return new OadrCodecOptions(validate, value, prettyPrint);
    }

    /** The same options with indented or compact output. */
    public OadrCodecOptions withPrettyPrint(boolean value) {
        return new OadrCodecOptions(validate, maxDocumentBytes, value);
    }
}
