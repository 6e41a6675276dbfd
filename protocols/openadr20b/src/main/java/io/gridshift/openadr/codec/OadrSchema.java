package io.gridshift.openadr.codec;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The OpenADR 2.0b schema set as the JVM sees it: one {@link JAXBContext} over every generated
 * package and one compiled {@link Schema}, both built once on first use and shared by all codecs
 * (both are thread-safe; building them takes most of a second).
 */
public final class OadrSchema {

    /** Namespace of the OpenADR 2.0b payload elements ({@code oadrPayload} and its children). */
    public static final String OADR_NS = "http://openadr.org/oadr-2.0b/2012/07";

    /** Classpath folder of the schemas (and their LICENSES.txt). */
    public static final String XSD_FOLDER = "/openadr20b/xsd/";

    /** The root schema, and the signature-properties schema that the root does not import. */
    static final String[] ROOT_SCHEMAS = {"oadr_20b.xsd", "oadr_xmldsig-properties-schema.xsd"};

    /**
     * Every namespace of the schema set with the prefix the OpenADR specification's examples use.
     * Written documents use these prefixes.
     */
    public static final Map<String, String> PREFIXES =
            Map.ofEntries(
                    Map.entry(OADR_NS, "oadr"),
                    Map.entry("http://docs.oasis-open.org/ns/energyinterop/201110", "ei"),
                    Map.entry(
                            "http://docs.oasis-open.org/ns/energyinterop/201110/payloads", "pyld"),
                    Map.entry("http://docs.oasis-open.org/ns/emix/2011/06", "emix"),
                    Map.entry("http://docs.oasis-open.org/ns/emix/2011/06/power", "power"),
                    Map.entry("http://docs.oasis-open.org/ns/emix/2011/06/siscale", "scale"),
                    Map.entry("urn:ietf:params:xml:ns:icalendar-2.0", "xcal"),
                    Map.entry("urn:ietf:params:xml:ns:icalendar-2.0:stream", "strm"),
                    Map.entry("http://www.opengis.net/gml/3.2", "gml"),
                    Map.entry("http://naesb.org/espi", "gb"),
                    Map.entry("http://www.w3.org/2005/Atom", "atom"),
                    Map.entry("http://www.w3.org/2000/09/xmldsig#", "ds"),
                    Map.entry("http://www.w3.org/2009/xmldsig11#", "dsig11"),
                    Map.entry(
                            "urn:un:unece:uncefact:codelist:standard:5:ISO42173A:2010-04-07",
                            "clm5ISO42173A"),
                    Map.entry("http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties", "dsp"),
                    Map.entry(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi"));

    /**
     * Every generated package. Substitution groups cross namespaces (emix:itemBase is substituted
     * by oadr:, power: and others), so a context built from the oadr package alone cannot read real
     * messages.
     */
    static final String CONTEXT_PATH =
            String.join(
                    ":",
                    "org.openadr.oadr20b",
                    "org.openadr.oadr20b.ei",
                    "org.openadr.oadr20b.pyld",
                    "org.openadr.oadr20b.emix",
                    "org.openadr.oadr20b.power",
                    "org.openadr.oadr20b.siscale",
                    "org.openadr.oadr20b.xcal",
                    "org.openadr.oadr20b.strm",
                    "org.openadr.oadr20b.gml",
                    "org.openadr.oadr20b.greenbutton",
                    "org.openadr.oadr20b.atom",
                    "org.openadr.oadr20b.xmldsig",
                    "org.openadr.oadr20b.xmldsig11",
                    "org.openadr.oadr20b.currency",
                    "org.openadr.oadr20b.xmldsigprops");

    private OadrSchema() {}

    /** The shared JAXB context over all generated packages. */
    public static JAXBContext context() {
        return ContextHolder.CONTEXT;
    }

    /** The compiled OpenADR 2.0b schema, loaded from this module's classpath copy. */
    public static Schema schema() {
        return SchemaHolder.SCHEMA;
    }

    private static final class ContextHolder {
        static final JAXBContext CONTEXT = createContext();

        private static JAXBContext createContext() {
            try {
                return JAXBContext.newInstance(CONTEXT_PATH, OadrSchema.class.getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot build the OpenADR JAXB context", e);
            }
        }
    }

    private static final class SchemaHolder {
        static final Schema SCHEMA = loadSchema();

        private static Schema loadSchema() {
            Source[] sources = new Source[ROOT_SCHEMAS.length];
            for (int i = 0; i < ROOT_SCHEMAS.length; i++) {
                URL url = OadrSchema.class.getResource(XSD_FOLDER + ROOT_SCHEMAS[i]);
                if (url == null) {
                    throw new IllegalStateException(
                            "schema " + XSD_FOLDER + ROOT_SCHEMAS[i] + " is not on the classpath");
                }
                sources[i] = new StreamSource(url.toExternalForm());
            }
            try {
                // The JDK's own factory, so that no other XSD implementation on the classpath
                // changes validation messages; imports may only resolve to our classpath copy.
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
                return factory.newSchema(sources);
            } catch (SAXException e) {
                throw new IllegalStateException("cannot compile the OpenADR 2.0b schema", e);
            }
        }
    }
}
