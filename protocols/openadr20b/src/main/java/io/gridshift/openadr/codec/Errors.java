package io.gridshift.openadr.codec;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.openadr.codec.OadrCodecException.Failure;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Turns what the parser, the validator and JAXB throw into one {@link OadrCodecException}. */
final class Errors {
    /**
     * Xerces reports some errors before the element reaches {@link ReadFilter}: unexpected content
     * ("Invalid content was found starting with element '{"ns":name}'") and an incomplete empty
     * element ("The content of element 'prefix:name' is not complete"). The element is then taken
     * from the message.
     */
    private static final Pattern NAMED_ELEMENT =
            Pattern.compile(
                    "(?:starting with|content of) element"
                            + " '(?:\\{\"[^\"]*\":)?(?:[^':}]*:)?([^':}]+)\\}?'");

    private Errors() {}

    static OadrCodecException atRoot(Failure failure, String message, String root, Locator at) {
        int line = at == null ? -1 : at.getLineNumber();
        int column = at == null ? -1 : at.getColumnNumber();
        return new OadrCodecException(
                failure, failure.kind(), message + where(line, column), root, line, column, null);
    }

    static OadrCodecException doctype(String root, String systemId, Locator at) {
        int line = at == null ? -1 : at.getLineNumber();
        int column = at == null ? -1 : at.getColumnNumber();
        String external = systemId == null ? "" : " (external DTD \"" + shorten(systemId) + "\")";
        return new OadrCodecException(
                Failure.DOCTYPE_FORBIDDEN,
                ErrorKind.BAD_INPUT,
                "DOCTYPE for element '"
                        + root
                        + "'"
                        + external
                        + " is forbidden in OpenADR messages (no DTDs, no entities)"
                        + where(line, column),
                root,
                line,
                column,
                null);
    }

    static OadrCodecException tooLarge(long size, int limit, boolean exact) {
        String found = exact ? size + " bytes" : "more than " + limit + " bytes";
        return new OadrCodecException(
                Failure.TOO_LARGE,
                "document is " + found + "; the limit is " + limit + " bytes",
                null);
    }

    /**
     * A read that the parser, the validator, a check of {@link ReadFilter} or JAXB stopped; {@code
     * e} is what came out (JAXB wraps what it met in an UnmarshalException).
     */
    static OadrCodecException fromRead(Exception e, ReadFilter handler, FirstError jaxb) {
        ReadFilter.Refused refused = find(e, ReadFilter.Refused.class);
        if (refused != null) {
            return refused.error();
        }
        if (handler.schemaError() != null) {
            SAXParseException schema = handler.schemaError();
            String element = handler.schemaErrorElement();
            String path = handler.schemaErrorPath();
            String named = namedElement(schema.getMessage());
            if (named != null && !named.equals(element)) {
                element = named;
                path = path + "/" + named;
            }
            return schema(
                    schema.getMessage(),
                    element,
                    path,
                    schema.getLineNumber(),
                    schema.getColumnNumber(),
                    e);
        }
        if (jaxb.event() != null) {
            return fromJaxb(jaxb, e);
        }
        String element = handler.currentElement();
        SAXParseException parse = find(e, SAXParseException.class);
        IOException io = find(e, IOException.class);
        if (parse == null && io != null) {
            // In-memory input fails to read only when its bytes are not in its encoding.
            return new OadrCodecException(
                    Failure.MALFORMED,
                    ErrorKind.BAD_INPUT,
                    "malformed XML" + in(element) + ": " + io.getMessage(),
                    element,
                    -1,
                    -1,
                    e);
        }
        if (parse == null) {
            return new OadrCodecException(
                    Failure.MALFORMED,
                    ErrorKind.BAD_INPUT,
                    "cannot read the document" + in(element) + ": " + e,
                    element,
                    -1,
                    -1,
                    e);
        }
        int line = parse.getLineNumber();
        int column = parse.getColumnNumber();
        return new OadrCodecException(
                Failure.MALFORMED,
                ErrorKind.BAD_INPUT,
                "malformed XML" + in(element) + where(line, column) + ": " + parse.getMessage(),
                element,
                line,
                column,
                e);
    }

    /** An error JAXB reported through its event handler (see {@link FirstError}). */
    static OadrCodecException fromJaxb(FirstError first, Exception cause) {
        ValidationEventLocator at = first.event().getLocator();
        int line = at == null ? -1 : at.getLineNumber();
        int column = at == null ? -1 : at.getColumnNumber();
        return schema(first.message(), first.element(), first.path(), line, column, cause);
    }

    /** The same error, about a document we wrote: a bug on our side. */
    static OadrCodecException outgoing(OadrCodecException e, Object root) {
        return new OadrCodecException(
                e.failure(),
                ErrorKind.INTERNAL,
                "outgoing " + root.getClass().getSimpleName() + ": " + e.getMessage(),
                e.element().orElse(null),
                e.line(),
                e.column(),
                e.getCause());
    }

    static OadrCodecException readFailed(IOException e) {
        return new OadrCodecException(Failure.IO, "cannot read the document: " + e, e);
    }

    static OadrCodecException writeFailed(IOException e, Object root) {
        return new OadrCodecException(
                Failure.IO,
                ErrorKind.INTERNAL,
                "cannot write " + root.getClass().getSimpleName() + ": " + e,
                null,
                -1,
                -1,
                e);
    }

    static OadrCodecException fromWrite(JAXBException e, FirstError first, Object root) {
        ValidationEvent event = first.event();
        String what = root.getClass().getSimpleName();
        if (event == null) {
            return new OadrCodecException(Failure.MARSHAL, "cannot write " + what + ": " + e, e);
        }
        Object at = event.getLocator() == null ? null : event.getLocator().getObject();
        String inside = at == null ? "" : " (while writing " + at.getClass().getSimpleName() + ")";
        return new OadrCodecException(
                Failure.MARSHAL,
                ErrorKind.INTERNAL,
                "cannot write " + what + inside + ": " + first.message(),
                null,
                -1,
                -1,
                e);
    }

    private static OadrCodecException schema(
            String message, String element, String path, int line, int column, Exception cause) {
        return new OadrCodecException(
                Failure.SCHEMA,
                ErrorKind.BAD_INPUT,
                "schema violation"
                        + in(element)
                        + where(line, column)
                        + ": "
                        + message
                        + " (path "
                        + path
                        + ")",
                element,
                line,
                column,
                cause);
    }

    private static String namedElement(String message) {
        Matcher m = NAMED_ELEMENT.matcher(String.valueOf(message));
        return m.find() ? m.group(1) : null;
    }

    private static String in(String element) {
        return element == null ? "" : " in element '" + element + "'";
    }

    private static String where(int line, int column) {
        return line < 0 ? "" : " at line " + line + ", column " + column;
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    private static <T extends Throwable> T find(Throwable top, Class<T> type) {
        for (Throwable t = top; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null && t instanceof JAXBException jaxb) {
            cause = jaxb.getLinkedException();
        }
        if (cause == null && t instanceof SAXException sax) {
            cause = sax.getException();
        }
        return cause == t ? null : cause;
    }
}
