package io.gridshift.openadr.codec;

import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Sits between the parser and JAXB (or nothing, when only validating): passes the document on,
 * refuses a DOCTYPE and a wrong root element, and keeps the path of open elements so that any error
 * (parser, schema validator, JAXB) can name the element it happened in. One per worker, never
 * shared.
 *
 * <p>JAXB is handed this filter as its XMLReader (not a ContentHandler of ours): it then asks the
 * parser whether names are interned, and skips interning every name again, which costs about a
 * third of a read otherwise.
 */
final class ReadFilter extends XMLFilterImpl implements LexicalHandler {
    private Root expected = Root.EITHER;
    private Locator locator;
    private String[] open = new String[32];
    private int depth;
    private SAXParseException schemaError;
    private String schemaErrorElement;
    private String schemaErrorPath;

    ReadFilter(XMLReader parser) {
        super(parser);
    }

    /** Prepares for one parse that accepts the {@code expectedRoot}. */
    void start(Root expectedRoot) {
        this.expected = expectedRoot;
        this.locator = null;
        this.depth = 0;
        this.schemaError = null;
        this.schemaErrorElement = null;
        this.schemaErrorPath = null;
    }

    /** Prepares for one parse that feeds {@code handler} (validating only, no JAXB). */
    void start(Root expectedRoot, ContentHandler handler) {
        start(expectedRoot);
        setContentHandler(handler);
    }

    /** The local name of the innermost open element, or null before the root. */
    String currentElement() {
        return depth == 0 ? null : open[depth - 1];
    }

    /** The open elements from the root, e.g. {@code /oadrPayload/oadrSignedObject/oadrPoll}. */
    String currentPath() {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append('/').append(open[i]);
        }
        return path.toString();
    }

    /** The validator's first error, or null. */
    SAXParseException schemaError() {
        return schemaError;
    }

    String schemaErrorElement() {
        return schemaErrorElement;
    }

    String schemaErrorPath() {
        return schemaErrorPath;
    }

    // ---- LexicalHandler (set on the parser itself): a DOCTYPE is refused before its subset

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        throw new Refused(Errors.doctype(name, systemId, locator));
    }

    @Override
    public void endDTD() {
        // unreachable: startDTD refuses
    }

    @Override
    public void startEntity(String name) {
        // only the predefined entities can get here
    }

    @Override
    public void endEntity(String name) {
        // only the predefined entities can get here
    }

    @Override
    public void startCDATA() {
        // CDATA text arrives through characters()
    }

    @Override
    public void endCDATA() {
        // CDATA text arrives through characters()
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        // comments carry no data
    }

    // ---- ErrorHandler: the parser reports fatal errors, the schema validator errors

    @Override
    public void warning(SAXParseException e) {
        // Xerces warns about nothing that makes a message wrong
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        if (schemaError == null) {
            schemaError = e;
            schemaErrorElement = currentElement();
            schemaErrorPath = currentPath();
        }
        throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }

    // ---- ContentHandler: track, check the root, pass on

    @Override
    public void setDocumentLocator(Locator documentLocator) {
        this.locator = documentLocator;
        super.setDocumentLocator(documentLocator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
            throws SAXException {
        if (depth == 0) {
            OadrCodecException wrong = expected.check(uri, localName, locator);
            if (wrong != null) {
                throw new Refused(wrong);
            }
        }
        if (depth == OadrCodecOptions.MAX_ELEMENT_DEPTH) {
            throw new Refused(
                    Errors.atRoot(
                            OadrCodecException.Failure.TOO_DEEP,
                            "element '"
                                    + localName
                                    + "' is nested deeper than "
                                    + OadrCodecOptions.MAX_ELEMENT_DEPTH
                                    + " levels",
                            localName,
                            locator));
        }
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = localName;
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        depth--;
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        throw new SAXParseException("entity reference &" + name + "; is not allowed", locator);
    }

    /** Carries a refusal decided here (DOCTYPE, root) out through the parser and JAXB. */
    static final class Refused extends SAXException {
        private static final long serialVersionUID = 1L;

        private final transient OadrCodecException error;

        Refused(OadrCodecException error) {
            super(error.getMessage());
            this.error = error;
        }

        OadrCodecException error() {
            return error;
        }
    }
}
