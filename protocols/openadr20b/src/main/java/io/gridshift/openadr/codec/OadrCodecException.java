package io.gridshift.openadr.codec;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one error of the OpenADR codec, in Gridshift's exception family. {@link #reason()} is a
 * short, stable, lower-case code (the label of the rejected-messages metric, see {@link
 * Failure#code()}); {@link #kind()} maps it to HTTP and other status codes; the message says what
 * was wrong and where: the element, and the line and column when the parser or the schema validator
 * gives them.
 */
public final class OadrCodecException extends GridshiftException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; {@link #code()} is the machine-readable reason. */
    public enum Failure {
        /** Not well-formed XML: not XML at all, truncated, mismatched tags, undeclared entity. */
        MALFORMED("malformed", ErrorKind.BAD_INPUT),
        /**
         * Well-formed, but breaks the OpenADR 2.0b schema. Reading: bad input; writing: a bug on
         * our side ({@link ErrorKind#INTERNAL}).
         */
        SCHEMA("schema", ErrorKind.BAD_INPUT),
        /** The document has a DOCTYPE; OpenADR messages never do, and DTDs carry XXE attacks. */
        DOCTYPE_FORBIDDEN("doctype_forbidden", ErrorKind.BAD_INPUT),
        /** The document is larger than {@link OadrCodecOptions#maxDocumentBytes()}. */
        TOO_LARGE("too_large", ErrorKind.TOO_LARGE),
        /**
         * Elements nested deeper than {@link OadrCodecOptions#MAX_ELEMENT_DEPTH}; OpenADR messages
         * nest about a dozen, and where the schema takes any content (ds:Object) JAXB builds a DOM
         * whose cost grows with the square of the depth.
         */
        TOO_DEEP("too_deep", ErrorKind.BAD_INPUT),
        /** The root element is not in the OpenADR 2.0b namespace. */
        WRONG_NAMESPACE("wrong_namespace", ErrorKind.BAD_INPUT),
        /** The root element is in the OpenADR namespace but is not the expected root. */
        UNKNOWN_ROOT("unknown_root", ErrorKind.BAD_INPUT),
        /** Reading the input stream or writing the output stream failed. */
        IO("io", ErrorKind.BAD_INPUT),
        /** The message object could not be written for a reason other than the schema. */
        MARSHAL("marshal", ErrorKind.INTERNAL);

        private final String code;
        private final ErrorKind kind;

        Failure(String code, ErrorKind kind) {
            this.code = code;
            this.kind = kind;
        }

        /** The status class of this failure when reading. */
        public ErrorKind kind() {
            return kind;
        }

        /** The stable lower-case code, e.g. {@code doctype_forbidden}. */
        public String code() {
            return code;
        }
    }

    private final Failure failure;
    private final String element;
    private final int line;
    private final int column;

    OadrCodecException(Failure failure, String message, Throwable cause) {
        this(failure, failure.kind(), message, null, -1, -1, cause);
    }

    OadrCodecException(
            Failure failure,
            ErrorKind kind,
            String message,
            String element,
            int line,
            int column,
            Throwable cause) {
        super(kind, Objects.requireNonNull(failure, "failure").code(), message, cause);
        this.failure = failure;
        this.element = element;
        this.line = line;
        this.column = column;
    }

    /** What went wrong, as a type. */
    public Failure failure() {
        return failure;
    }

    /** The local name of the offending element, where one is known. */
    public Optional<String> element() {
        return Optional.ofNullable(element);
    }

    /** 1-based line of the error in the document, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the error in the document, or -1 when unknown. */
    public int column() {
        return column;
    }
}
