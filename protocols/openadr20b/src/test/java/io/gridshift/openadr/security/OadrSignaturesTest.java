package io.gridshift.openadr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.message.OadrMessages;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openadr.oadr20b.OadrPollType;

/**
 * Signed payloads as OpenADR 2.0b carries them, with keys made by the JDK's keytool (RSA and EC):
 * schema-valid once signed, verified, and refused when tampered, wrapped, replayed or stale.
 */
class OadrSignaturesTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    @TempDir static Path folder;
    static PrivateKey rsaKey;
    static X509Certificate rsaCert;
    static PrivateKey ecKey;
    static X509Certificate ecCert;

    final ManualClock clock = new ManualClock(T0);
    final OadrCodec codec = new OadrCodec();

    @BeforeAll
    static void keys() throws Exception {
        KeyStore rsa = keytool("rsa", "RSA", "2048");
        rsaKey = (PrivateKey) rsa.getKey("rsa", "changeit".toCharArray());
        rsaCert = (X509Certificate) rsa.getCertificate("rsa");
        KeyStore ec = keytool("ec", "EC", "256");
        ecKey = (PrivateKey) ec.getKey("ec", "changeit".toCharArray());
        ecCert = (X509Certificate) ec.getCertificate("ec");
    }

    @Test
    void aSignedPayloadIsSchemaValidAndVerifiesWithItsCertificate() {
        for (var pair : List.of(List.of(rsaKey, rsaCert), List.of(ecKey, ecCert))) {
            OadrSignatures signer =
                    new OadrSignatures(
                            (PrivateKey) pair.get(0),
                            (X509Certificate) pair.get(1),
                            clock,
                            Duration.ofMinutes(5));
            byte[] signed = signer.sign(poll());

            // the codec reads it through the official schemas, ds:Signature included
            assertThat(codec.readPayload(signed).getSignature()).isNotNull();
            OadrSignatures verifier = new OadrSignatures(null, null, clock, Duration.ofMinutes(5));
            X509Certificate signer1 = verifier.verify(signed);
            assertThat(OadrFingerprint.of(signer1))
                    .isEqualTo(OadrFingerprint.of((X509Certificate) pair.get(1)));
        }
    }

    @Test
    void tamperingWrappingReplayAndStaleTimestampsAreRefusedWithTheirReason() {
        OadrSignatures signer = new OadrSignatures(rsaKey, rsaCert, clock, Duration.ofMinutes(5));
        OadrSignatures verifier = new OadrSignatures(null, null, clock, Duration.ofMinutes(5));
        byte[] signed = signer.sign(poll());
        String xml = new String(signed, StandardCharsets.UTF_8);

        String tampered = xml.replace("ven-signed", "ven-evil");
        assertThat(tampered).isNotEqualTo(xml);
        assertReason(verifier, tampered.getBytes(StandardCharsets.UTF_8), "invalid");

        assertReason(verifier, poll(), "unsigned");

        verifier.verify(signed);
        assertReason(verifier, signed, "replayed");

        byte[] old = signer.sign(poll());
        clock.advance(Duration.ofMinutes(6));
        assertReason(verifier, old, "stale");

        // the Id moved to another element: the oadrSignedObject is no longer what was signed
        String moved = xml.replace("Id=\"signedObject\"", "Id=\"elsewhere\"");
        assertThat(moved).isNotEqualTo(xml);
        assertReason(
                new OadrSignatures(null, null, new ManualClock(T0), Duration.ofMinutes(5)),
                moved.getBytes(StandardCharsets.UTF_8),
                "invalid");
    }

    static void assertReason(OadrSignatures verifier, byte[] payload, String reason) {
        assertThatThrownBy(() -> verifier.verify(payload))
                .isInstanceOf(OadrSignatureException.class)
                .satisfies(
                        e -> assertThat(((OadrSignatureException) e).reason()).isEqualTo(reason));
    }

    byte[] poll() {
        OadrPollType poll = new OadrPollType();
        poll.setSchemaVersion("2.0b");
        poll.setVenID("ven-signed");
        return codec.write(OadrMessages.payload(poll));
    }

    static KeyStore keytool(String alias, String algorithm, String size) throws Exception {
        Path store = folder.resolve(alias + ".p12");
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                alias,
                                "-keyalg",
                                algorithm,
                                "-keysize",
                                size,
                                "-sigalg",
                                algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA",
                                "-dname",
                                "CN=" + alias,
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                store.toString(),
                                "-storepass",
                                "changeit")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }
}
