package io.gridshift.openadr.codec;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;

/**
 * Builds the SAX parser every read goes through: the JDK's own Xerces (not whatever parser the
 * classpath brings: its behaviour is the one tested here), namespace-aware, with secure processing
 * limits, no external entities, no external DTD and no external access at all. With a schema, the
 * parser validates as it reads, which costs far less than validating behind JAXB. The lexical
 * handler ({@link ReadFilter}) refuses any DOCTYPE as soon as it starts, before its internal subset
 * is read.
 */
final class HardenedSax {
    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String IDENTITY_CONSTRAINTS =
            "http://apache.org/xml/features/validation/identity-constraint-checking";
    private static final String AUGMENT_PSVI =
            "http://apache.org/xml/features/validation/schema/augment-psvi";

    private HardenedSax() {}

    /** A parser for one thread; Xerces resets it at each parse, so it is reused. */
    static XMLReader parser(boolean validate) {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            if (validate) {
                factory.setSchema(OadrSchema.schema());
            }
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            XMLReader reader = parser.getXMLReader();
            if (validate) {
                // The OpenADR 2.0b schemas declare no xs:key, xs:unique or xs:keyref (a test
                // keeps it so), so identity-constraint bookkeeping only costs time: Xerces
                // pushes and pops a value store for every element (with the PSVI below, about a
                // quarter of a validating parse of the 24-interval event).
                reader.setFeature(IDENTITY_CONSTRAINTS, false);
                // Nobody reads the post-schema-validation infoset; do not build it.
                reader.setFeature(AUGMENT_PSVI, false);
            }
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure the XML parser", e);
        }
    }

    /** {@code filter} on top of a new parser, refusing DOCTYPEs and external resources. */
    static ReadFilter filter(boolean validate) {
        XMLReader parser = parser(validate);
        ReadFilter filter = new ReadFilter(parser);
        try {
            parser.setProperty(LEXICAL_HANDLER, (LexicalHandler) filter);
        } catch (SAXException e) {
            throw new IllegalStateException("the XML parser takes no lexical handler", e);
        }
        // The filter installs itself as the parser's resolver; this makes it refuse.
        filter.setEntityResolver(
                (publicId, systemId) -> {
                    throw new SAXException("external resource refused: " + systemId);
                });
        return filter;
    }
}
