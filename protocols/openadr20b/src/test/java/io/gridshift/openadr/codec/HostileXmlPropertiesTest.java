package io.gridshift.openadr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.openadr.codec.OadrCodecException.Failure;
import io.gridshift.openadr.examples.OadrExamples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.openadr.oadr20b.OadrPayload;

/**
 * Randomised hostile documents (jqwik) against {@link OadrCodec#readPayload(byte[])}: every input
 * is either read into a payload that writes back valid, or refused with an {@link
 * OadrCodecException} whose reason is one of the read failures; never another exception, never
 * longer than {@link #LIMIT}. Generators whose outcome is known assert it exactly. The counts are
 * kept small for CI; {@code test-harness/bench/fuzz.sh} runs a million inputs.
 */
class HostileXmlPropertiesTest {
    private static final OadrCodec CODEC = new OadrCodec();
    private static final int MAX = OadrCodecOptions.DEFAULT_MAX_DOCUMENT_BYTES;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Set<Failure> READ_FAILURES =
            EnumSet.of(
                    Failure.MALFORMED,
                    Failure.SCHEMA,
                    Failure.DOCTYPE_FORBIDDEN,
                    Failure.TOO_LARGE,
                    Failure.TOO_DEEP,
                    Failure.WRONG_NAMESPACE,
                    Failure.UNKNOWN_ROOT);
    private static final String POLL =
            new String(OadrExamples.bytes("oadrPoll.xml"), StandardCharsets.UTF_8);
    private static final String VEN_ID = "<ei:venID>3f:6a:91:c4:0e:27:b8:5d:12:e9</ei:venID>";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /**
     * A signature whose ds:Object takes any content (processContents lax): {@code BODY} marks it.
     */
    private static final String SIGNATURE =
            "<ds:Signature xmlns:ds=\""
                    + DS
                    + "\"><ds:SignedInfo>"
                    + "<ds:CanonicalizationMethod"
                    + " Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                    + "<ds:SignatureMethod"
                    + " Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>"
                    + "<ds:Reference URI=\"#x\"><ds:DigestMethod"
                    + " Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                    + "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                    + "<ds:SignatureValue>AAAA</ds:SignatureValue><ds:Object ATTR>BODY</ds:Object>"
                    + "</ds:Signature>";

    /** Pieces of XML syntax that mutations insert. */
    private static final List<String> TOKENS =
            List.of(
                    "<",
                    ">",
                    "/>",
                    "</",
                    "&",
                    "&amp;",
                    "&lt;",
                    "&nope;",
                    "&#0;",
                    "&#xD800;",
                    "&#1114112;",
                    "&#99999999999999999999;",
                    "<![CDATA[",
                    "]]>",
                    "<!--",
                    "-->",
                    "<?pi x?>",
                    "<?xml version=\"1.0\"?>",
                    "<!DOCTYPE x [<!ENTITY a \"b\">]>",
                    " xmlns=\"urn:evil\"",
                    " xmlns:ei=\"urn:evil\"",
                    " xsi:type=\"oadr:oadrPollType\"",
                    " a=\"1\" a=\"2\"",
                    "<ei:venID>x</ei:venID>",
                    "\u0000",
                    "\uFEFF",
                    "é",
                    "\uD83D\uDE00",
                    "9999999999999999999999999",
                    "-INF",
                    "2026-13-45T25:61:61Z",
                    "P1Y2M3DT4H5M6.7S",
                    "PT-1S");

    @Property(tries = 300)
    void mutatedExamplesAreReadOrRefusedWithAReason(
            @ForAll("examples") String example, @ForAll("edits") List<Edit> edits)
            throws Exception {
        byte[] doc = OadrExamples.bytes(example);
        for (Edit edit : edits) {
            doc = edit.applyTo(doc);
        }
        readOrRefuse(doc);
    }

    @Property(tries = 200)
    void randomBytesAreRefused(@ForAll @Size(max = 2000) byte[] bytes) throws Exception {
        // Random bytes are never an OpenADR document.
        assertThat(readOrRefuse(bytes)).isNotNull();
    }

    @Property(tries = 200)
    void randomBytesInsideAPayloadAreReadOrRefused(
            @ForAll @Size(max = 2000) byte[] bytes, @ForAll @IntRange(max = 5000) int at)
            throws Exception {
        byte[] poll = POLL.getBytes(StandardCharsets.UTF_8);
        int cut = Math.floorMod(at, poll.length);
        byte[] doc = new byte[poll.length + bytes.length];
        System.arraycopy(poll, 0, doc, 0, cut);
        System.arraycopy(bytes, 0, doc, cut, bytes.length);
        System.arraycopy(poll, cut, doc, cut + bytes.length, poll.length - cut);
        readOrRefuse(doc);
    }

    /**
     * Deep nesting where the schema takes any content (ds:Object, lax) is read up to the depth
     * limit and refused beyond it, in bounded time (JAXB's DOM for lax content cost the square of
     * the depth: 64,000 levels took over 10 s before the limit); anywhere else the schema refuses
     * it at its first element; beyond the size limit it is never parsed.
     */
    @Property(tries = 30)
    void deepNestingIsReadOrRefusedWithoutStackOverflow(
            @ForAll @IntRange(min = 1, max = 200_000) int depth, @ForAll boolean inSignature)
            throws Exception {
        String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        String doc =
                inSignature
                        ? POLL.replace(
                                "<oadr:oadrSignedObject>",
                                signature("", deep) + "<oadr:oadrSignedObject>")
                        : POLL.replace(VEN_ID, VEN_ID + deep);
        Failure outcome = readOrRefuse(utf8(doc));
        if (utf8(doc).length > MAX) {
            assertThat(outcome).isEqualTo(Failure.TOO_LARGE);
        } else if (inSignature) {
            // ds:Object is at depth 3 (oadrPayload/Signature/Object)
            assertThat(outcome)
                    .as("depth %d in ds:Object", depth)
                    .isEqualTo(
                            depth + 3 > OadrCodecOptions.MAX_ELEMENT_DEPTH
                                    ? Failure.TOO_DEEP
                                    : null);
        } else {
            assertThat(outcome).as("depth %d after venID", depth).isEqualTo(Failure.SCHEMA);
        }
    }

    /**
     * The bug the property found: 100,000 levels in ds:Object (700 KB, under the size limit) kept a
     * core busy for minutes; now refused at level 65, with the element named.
     */
    @Example
    void deepSignatureContentIsRefusedAtTheDepthLimit() throws Exception {
        int limit = OadrCodecOptions.MAX_ELEMENT_DEPTH;
        String atLimit = "<a>".repeat(limit - 3) + "</a>".repeat(limit - 3);
        assertThat(readOrRefuse(utf8(withSignature("", atLimit)), Duration.ofSeconds(5))).isNull();
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        assertThat(readOrRefuse(utf8(withSignature("", deep)), Duration.ofSeconds(5)))
                .isEqualTo(Failure.TOO_DEEP);
        assertThatThrownBy(() -> CODEC.readPayload(withSignature("", deep)))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("too_deep");
                            assertThat(e.element()).contains("a");
                            assertThat(e.getMessage()).contains("nested deeper than 64 levels");
                        });
    }

    /** A huge attribute value, or very many attributes, on an element that allows them. */
    @Property(tries = 30)
    void hugeAttributesAreReadOrRefused(
            @ForAll @IntRange(min = 1, max = 1_200_000) int length,
            @ForAll @IntRange(min = 0, max = 20_000) int count)
            throws Exception {
        String attr = " Id=\"i" + "a".repeat(length) + "\"";
        String many = count == 0 ? "" : manyAttributes(count);
        String doc =
                POLL.replace(
                        "<oadr:oadrSignedObject>",
                        signature(attr + many, "x") + "<oadr:oadrSignedObject>");
        Failure outcome = readOrRefuse(utf8(doc));
        if (utf8(doc).length > MAX) {
            assertThat(outcome).isEqualTo(Failure.TOO_LARGE);
        } else if (count == 0) {
            assertThat(outcome).as("Id of %d chars", length).isNull();
        } else {
            // Attributes ds:Object does not declare: the schema refuses them (or the parser's
            // attribute limit does first).
            assertThat(outcome).isIn(Failure.SCHEMA, Failure.MALFORMED);
        }
    }

    @Property(tries = 100)
    void entityTricksAreRefusedWithTheDocumentedReason(@ForAll("entityTricks") Trick trick)
            throws Exception {
        Failure outcome = readOrRefuse(utf8(trick.document()));
        assertThat(outcome).as(trick.name()).isEqualTo(trick.expected());
    }

    @Property(tries = 20)
    void documentsOverTheLimitAreNeverParsed(@ForAll @IntRange(min = 1, max = 3 * MAX) int padding)
            throws Exception {
        String doc = POLL.replace(VEN_ID, VEN_ID + "<!--" + "x".repeat(padding) + "-->");
        Failure outcome = readOrRefuse(utf8(doc));
        assertThat(outcome).isEqualTo(utf8(doc).length > MAX ? Failure.TOO_LARGE : null);
    }

    @Provide
    Arbitrary<String> examples() {
        return Arbitraries.of(OadrExamples.names());
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit =
                Combinators.combine(
                                Arbitraries.integers().between(0, 5),
                                Arbitraries.integers(),
                                Arbitraries.integers().between(0, 255),
                                Arbitraries.of(TOKENS))
                        .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Trick> entityTricks() {
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 30);
        Arbitrary<Trick> laughs =
                n.map(
                        k ->
                                new Trick(
                                        "billion laughs, " + k + " levels",
                                        doctype(laughs(k))
                                                + POLL.replace(VEN_ID, venId("&l" + k + ";")),
                                        Failure.DOCTYPE_FORBIDDEN));
        Arbitrary<Trick> external =
                Arbitraries.of(
                                "file:///etc/passwd",
                                "http://127.0.0.1:1/x",
                                "jar:file:/x!/y",
                                "/dev/zero")
                        .map(
                                url ->
                                        new Trick(
                                                "external entity " + url,
                                                doctype("<!ENTITY e SYSTEM \"" + url + "\">")
                                                        + POLL.replace(VEN_ID, venId("&e;")),
                                                Failure.DOCTYPE_FORBIDDEN));
        Arbitrary<Trick> parameter =
                Arbitraries.of("<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;", "")
                        .map(
                                subset ->
                                        new Trick(
                                                "DOCTYPE " + subset,
                                                "<!DOCTYPE oadr:oadrPayload ["
                                                        + subset
                                                        + "]>"
                                                        + POLL.substring(POLL.indexOf("<oadr:")),
                                                Failure.DOCTYPE_FORBIDDEN));
        Arbitrary<Trick> undeclared =
                Arbitraries.of(
                                "&e;",
                                "&#0;",
                                "&#xD800;",
                                "&#1114112;",
                                "&#99999999999999999999;",
                                "&#x;",
                                "&",
                                "&amp",
                                "]]>")
                        .map(
                                ref ->
                                        new Trick(
                                                "reference " + ref,
                                                POLL.replace(VEN_ID, venId("v" + ref)),
                                                Failure.MALFORMED));
        Arbitrary<Trick> harmless =
                Arbitraries.of(
                                "&amp;&lt;&gt;&quot;&apos;",
                                "&#x41;&#66;",
                                "<![CDATA[<&>]]>",
                                "a<!-- <!ENTITY x 'y'> -->b",
                                "a<?pi data?>b")
                        .map(
                                text ->
                                        new Trick(
                                                "harmless " + text,
                                                POLL.replace(VEN_ID, venId(text)),
                                                null));
        Arbitrary<Trick> xinclude =
                Arbitraries.just(
                        new Trick(
                                "XInclude",
                                POLL.replace(
                                        VEN_ID,
                                        VEN_ID
                                                + "<xi:include"
                                                + " xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                                                + " href=\"file:///etc/passwd\" parse=\"text\"/>"),
                                Failure.SCHEMA));
        return Arbitraries.oneOf(laughs, external, parameter, undeclared, harmless, xinclude);
    }

    /**
     * Reads {@code doc} within {@link #LIMIT}: null when it was read (and the payload wrote back
     * and read again), else the failure, after checking the exception says what the codec
     * documents. Any other exception fails the property.
     */
    private static Failure readOrRefuse(byte[] doc) throws Exception {
        return readOrRefuse(doc, LIMIT);
    }

    private static Failure readOrRefuse(byte[] doc, Duration limit) throws Exception {
        return Bounded.call(
                limit,
                () -> {
                    OadrPayload payload;
                    try {
                        payload = CODEC.readPayload(doc);
                    } catch (OadrCodecException e) {
                        assertThat(READ_FAILURES).as("%s", e).contains(e.failure());
                        assertThat(e.reason()).isEqualTo(e.failure().code());
                        assertThat(e.kind()).isEqualTo(e.failure().kind());
                        assertThat(e.getMessage()).isNotBlank();
                        assertThat(e.failure() == Failure.TOO_LARGE).isEqualTo(doc.length > MAX);
                        return e.failure();
                    }
                    assertThat(payload.getOadrSignedObject()).isNotNull();
                    byte[] written = CODEC.write(payload);
                    assertThat(CODEC.readPayload(written).getOadrSignedObject()).isNotNull();
                    return null;
                });
    }

    private static String withSignature(String attributes, String body) {
        return POLL.replace(
                "<oadr:oadrSignedObject>", signature(attributes, body) + "<oadr:oadrSignedObject>");
    }

    private static String signature(String attributes, String body) {
        return SIGNATURE.replace(" ATTR", attributes).replace("BODY", body);
    }

    private static String manyAttributes(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(" a").append(i).append("=\"\"");
        }
        return b.toString();
    }

    private static String laughs(int levels) {
        StringBuilder b = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= levels; i++) {
            b.append("<!ENTITY l").append(i).append(" \"");
            b.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.toString();
    }

    private static String doctype(String subset) {
        return "<?xml version=\"1.0\"?><!DOCTYPE oadr:oadrPayload [" + subset + "]>";
    }

    private static String venId(String text) {
        return "<ei:venID>" + text + "</ei:venID>";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A document and the failure it must be refused with (null: it must be read). */
    record Trick(String name, String document, Failure expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Overwrite one byte (kind 0), delete (1) or duplicate (2) up to 31 bytes, insert a token (3)
     * or a byte (4), or truncate (5), at {@code at} modulo the length.
     */
    record Edit(int kind, int at, int value, String token) {
        byte[] applyTo(byte[] p) {
            if (p.length == 0) {
                return p;
            }
            int from = Math.floorMod(at, p.length);
            int len = Math.min(value & 0x1f, p.length - from);
            switch (kind) {
                case 0:
                    byte[] flipped = p.clone();
                    flipped[from] = (byte) value;
                    return flipped;
                case 1:
                    byte[] shorter = new byte[p.length - len];
                    System.arraycopy(p, 0, shorter, 0, from);
                    System.arraycopy(p, from + len, shorter, from, p.length - from - len);
                    return shorter;
                case 2:
                    byte[] longer = Arrays.copyOf(p, p.length + len);
                    System.arraycopy(p, from, longer, from + len, p.length - from);
                    return longer;
                case 3:
                    return insert(p, from, token.getBytes(StandardCharsets.UTF_8));
                case 4:
                    return insert(p, from, new byte[] {(byte) value});
                default:
                    return Arrays.copyOf(p, from);
            }
        }

        private static byte[] insert(byte[] p, int at, byte[] what) {
            byte[] out = new byte[p.length + what.length];
            System.arraycopy(p, 0, out, 0, at);
            System.arraycopy(what, 0, out, at, what.length);
            System.arraycopy(p, at, out, at + what.length, p.length - at);
            return out;
        }
    }
}
