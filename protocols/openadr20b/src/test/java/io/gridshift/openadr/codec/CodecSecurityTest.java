package io.gridshift.openadr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.openadr.examples.OadrExamples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input is refused before it can cost anything: nothing is fetched, nothing is expanded,
 * nothing larger than the limit is read. The timeout turns a hang into a failure.
 */
@Timeout(30)
class CodecSecurityTest {
    private static final OadrCodec CODEC = new OadrCodec();
    private static final String POLL =
            new String(OadrExamples.bytes("oadrPoll.xml"), StandardCharsets.UTF_8);

    private HttpServer attacker;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void startAttackerServer() throws IOException {
        // A real server on loopback that counts requests: the codec must never call it.
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext(
                "/",
                exchange -> {
                    fetches.incrementAndGet();
                    byte[] body = "<!ENTITY leak \"pwned\">".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        attacker.start();
    }

    @AfterEach
    void stopAttackerServer() {
        attacker.stop(0);
    }

    private String attackerUrl(String path) {
        return "http://127.0.0.1:" + attacker.getAddress().getPort() + path;
    }

    @Test
    void externalEntityIsRefusedAndNeverFetched() {
        String xml =
                POLL.replace(
                                "<oadr:oadrPayload",
                                "<!DOCTYPE oadrPayload [<!ENTITY xxe SYSTEM \""
                                        + attackerUrl("/xxe")
                                        + "\">]>\n<oadr:oadrPayload")
                        .replace("3f:6a:91:c4:0e:27:b8:5d:12:e9", "&xxe;");

        assertRefused(xml, "doctype_forbidden", "DOCTYPE for element 'oadrPayload'");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void externalDtdAndParameterEntitiesAreRefusedAndNeverFetched() {
        String external =
                POLL.replace(
                        "<oadr:oadrPayload",
                        "<!DOCTYPE oadrPayload SYSTEM \""
                                + attackerUrl("/evil.dtd")
                                + "\">\n<oadr:oadrPayload");
        String parameter =
                POLL.replace(
                        "<oadr:oadrPayload",
                        "<!DOCTYPE oadrPayload [<!ENTITY % remote SYSTEM \""
                                + attackerUrl("/param.dtd")
                                + "\"> %remote;]>\n<oadr:oadrPayload");

        assertRefused(external, "doctype_forbidden", "evil.dtd");
        assertRefused(parameter, "doctype_forbidden", "DOCTYPE for element 'oadrPayload'");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void doctypeIsRefusedForBareSignedObjectsAndStreamsToo() {
        String bare =
                "<!DOCTYPE x [<!ENTITY a \"b\">]>"
                        + "<oadr:oadrSignedObject"
                        + " xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\"/>";

        assertThatThrownBy(() -> CODEC.readSignedObject(bare))
                .isInstanceOf(OadrCodecException.class)
                .hasMessageContaining("DOCTYPE for element 'x' is forbidden");
        assertThatThrownBy(
                        () ->
                                CODEC.readSignedObject(
                                        new ByteArrayInputStream(
                                                bare.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("DOCTYPE for element 'x' is forbidden");
    }

    @Test
    void undeclaredEntityIsMalformedNotSkipped() {
        String xml = POLL.replace("3f:6a:91:c4:0e:27:b8:5d:12:e9", "&secret;");

        assertRefused(xml, "malformed", "in element 'venID'");
    }

    @Test
    void documentOverTheLimitIsRefusedBeforeParsing() {
        OadrCodec small = new OadrCodec(OadrCodecOptions.DEFAULTS.withMaxDocumentBytes(100));
        byte[] poll = POLL.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.readPayload(poll))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("too_large");
                            assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "document is "
                                                    + poll.length
                                                    + " bytes; the limit is 100 bytes");
                        });
        assertThatThrownBy(() -> small.readPayload(POLL))
                .hasMessage("document is " + poll.length + " bytes; the limit is 100 bytes");
    }

    @Test
    void defaultLimitIsOneMebibyte() {
        // Valid XML a byte over 1 MiB: well-formed padding inside a comment.
        String padding = "x".repeat((1 << 20) - POLL.length() + 1 - "<!---->".length());
        String xml =
                POLL.replace(
                        "<oadr:oadrSignedObject>", "<!--" + padding + "--><oadr:oadrSignedObject>");

        assertThat(xml.getBytes(StandardCharsets.UTF_8)).hasSize((1 << 20) + 1);
        assertRefused(xml, "too_large", "the limit is 1048576 bytes");
    }

    @Test
    void streamIsReadToTheLimitPlusOneByteAndNoFurther() {
        OadrCodec small = new OadrCodec(OadrCodecOptions.DEFAULTS.withMaxDocumentBytes(4096));
        EndlessStream endless = new EndlessStream();

        assertThatThrownBy(() -> small.readPayload(endless))
                .isInstanceOf(OadrCodecException.class)
                .hasMessage("document is more than 4096 bytes; the limit is 4096 bytes");
        assertThat(endless.served).isEqualTo(4097);
    }

    @Test
    void multiByteTextCountsItsUtf8Bytes() {
        // 40 three-byte characters: 40 chars, but 120 bytes.
        String xml = POLL.replace("3f:6a:91:c4:0e:27:b8:5d:12:e9", "€".repeat(40));
        int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
        OadrCodec justBelow =
                new OadrCodec(OadrCodecOptions.DEFAULTS.withMaxDocumentBytes(bytes - 1));
        OadrCodec exact = new OadrCodec(OadrCodecOptions.DEFAULTS.withMaxDocumentBytes(bytes));

        assertThatThrownBy(() -> justBelow.readPayload(xml))
                .hasMessageContaining("document is " + bytes + " bytes");
        assertThat(exact.readPayload(xml).getOadrSignedObject().getOadrPoll().getVenID())
                .isEqualTo("€".repeat(40));
    }

    @Test
    void emptyAndBlankDocumentsAreMalformed() {
        assertRefused("", "malformed", "malformed XML");
        assertRefused("   \n", "malformed", "malformed XML");
    }

    private static void assertRefused(String xml, String reason, String messagePart) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CODEC.readPayload(bytes))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
                            assertThat(e.getMessage()).contains(messagePart);
                        });
    }

    /** Serves '<' forever and counts what it served. */
    private static final class EndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return '<';
        }
    }
}
