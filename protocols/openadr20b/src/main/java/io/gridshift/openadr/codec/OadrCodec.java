package io.gridshift.openadr.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrSignedObject;

/**
 * Reads and writes OpenADR 2.0b messages ({@code oadrPayload}, or a bare {@code oadrSignedObject})
 * with the JAXB classes generated from the official schemas.
 *
 * <p>Thread-safe: create one per set of options and share it. The JAXB context and the compiled
 * schema are built once per JVM ({@link OadrSchema}); each thread keeps its own parser,
 * Unmarshaller and Marshaller (a ThreadLocal: they are not thread-safe, and creating them costs
 * more than reading a message).
 *
 * <p>Reading is hardened: the size limit is checked before parsing, any DOCTYPE is refused (so no
 * XXE, no external DTD, no entity expansion), the root element must be the expected OpenADR 2.0b
 * element, and with {@link OadrCodecOptions#validate()} the parser validates the whole document as
 * it reads it. Written documents are validated too (by reading them back through the validating
 * parser) and are never handed out invalid, unless {@link OadrCodecOptions#validateWrites()} is
 * switched off. Every failure is an {@link OadrCodecException} whose message names the element,
 * line and column where they are known.
 */
public final class OadrCodec {
    private final OadrCodecOptions options;
    private final ThreadLocal<CodecWorker> workers;

    public OadrCodec(OadrCodecOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.workers = ThreadLocal.withInitial(() -> new CodecWorker(options));
    }

    /** A codec with {@link OadrCodecOptions#DEFAULTS}: validating, 1 MiB limit, compact output. */
    public OadrCodec() {
        this(OadrCodecOptions.DEFAULTS);
    }

    public OadrCodecOptions options() {
        return options;
    }

    /** Reads a document whose root is {@code oadrPayload}. */
    public OadrPayload readPayload(byte[] xml) {
        return (OadrPayload) read(checkSize(xml), null, Root.PAYLOAD);
    }

    /** Reads at most the size limit plus one byte from {@code xml}; the stream is not closed. */
    public OadrPayload readPayload(InputStream xml) {
        return readPayload(readLimited(xml));
    }

    /** Reads a document given as text (its encoding declaration is ignored). */
    public OadrPayload readPayload(String xml) {
        return (OadrPayload) read(null, checkSize(xml), Root.PAYLOAD);
    }

    /** Reads a document whose root is a bare {@code oadrSignedObject}. */
    public OadrSignedObject readSignedObject(byte[] xml) {
        return (OadrSignedObject) read(checkSize(xml), null, Root.SIGNED_OBJECT);
    }

    /** Reads at most the size limit plus one byte from {@code xml}; the stream is not closed. */
    public OadrSignedObject readSignedObject(InputStream xml) {
        return readSignedObject(readLimited(xml));
    }

    /** Reads a bare {@code oadrSignedObject} given as text. */
    public OadrSignedObject readSignedObject(String xml) {
        return (OadrSignedObject) read(null, checkSize(xml), Root.SIGNED_OBJECT);
    }

    /** Writes {@code payload} as a UTF-8 document, validated if the options say so. */
    public byte[] write(OadrPayload payload) {
        return writeRoot(Objects.requireNonNull(payload, "payload"));
    }

    /** Writes a bare {@code oadrSignedObject} document (no {@code oadrPayload} around it). */
    public byte[] write(OadrSignedObject signedObject) {
        return writeRoot(Objects.requireNonNull(signedObject, "signedObject"));
    }

    /**
     * Writes {@code payload} to {@code out}; the stream is neither flushed nor closed. With
     * validation, nothing is written unless the whole document is valid.
     */
    public void write(OadrPayload payload, OutputStream out) {
        Objects.requireNonNull(out, "out");
        byte[] bytes = write(payload);
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw Errors.writeFailed(e, payload);
        }
    }

    /** {@link #write(OadrPayload)} as a String. */
    public String writeString(OadrPayload payload) {
        return new String(write(payload), StandardCharsets.UTF_8);
    }

    /**
     * The canonical text of an OpenADR document ({@code oadrPayload} or {@code oadrSignedObject}
     * root): read, then written compact with the standard prefixes. Two documents that differ only
     * in whitespace, namespace prefixes, attribute order or namespace declarations have the same
     * canonical text. Throws like the read methods.
     */
    public String canonical(String xml) {
        Object root = read(null, checkSize(xml), Root.EITHER);
        return new String(CanonicalWriter.CODEC.writeRoot(root), StandardCharsets.UTF_8);
    }

    /** An {@code oadrPayload} (without a signature) around {@code signedObject}. */
    public static OadrPayload wrap(OadrSignedObject signedObject) {
        OadrPayload payload = new OadrPayload();
        payload.setOadrSignedObject(Objects.requireNonNull(signedObject, "signedObject"));
        return payload;
    }

    /** Compact and not validating: what it writes was just read, and validated then. */
    private static final class CanonicalWriter {
        static final OadrCodec CODEC = new OadrCodec(OadrCodecOptions.DEFAULTS.withValidate(false));
    }

    private Object read(byte[] bytes, String text, Root root) {
        return workers.get().read(bytes, text, root);
    }

    private byte[] writeRoot(Object root) {
        return workers.get().write(root);
    }

    private byte[] checkSize(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > options.maxDocumentBytes()) {
            throw Errors.tooLarge(xml.length, options.maxDocumentBytes(), true);
        }
        return xml;
    }

    private String checkSize(String xml) {
        Objects.requireNonNull(xml, "xml");
        int limit = options.maxDocumentBytes();
        // A char takes one to three UTF-8 bytes: count exactly only when it can matter.
        if (xml.length() > limit || (xml.length() > limit / 3 && utf8Length(xml) > limit)) {
            throw Errors.tooLarge(utf8Length(xml), limit, true);
        }
        return xml;
    }

    private byte[] readLimited(InputStream in) {
        Objects.requireNonNull(in, "in");
        int limit = options.maxDocumentBytes();
        try {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw Errors.tooLarge(bytes.length, limit, false);
            }
            return bytes;
        } catch (IOException e) {
            throw Errors.readFailed(e);
        }
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
