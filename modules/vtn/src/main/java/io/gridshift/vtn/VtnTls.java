package io.gridshift.vtn;

import io.gridshift.openadr.security.OadrFingerprint;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTTPS with mutual TLS, as OpenADR 2.0b prescribes: TLS 1.2, every VEN shows a client certificate
 * signed by {@code caPem}. The VTN uses the same key and certificate when it pushes to VENs.
 *
 * @param certPem the VTN's certificate chain (PEM)
 * @param keyPem its private key (PEM, PKCS#8 or PKCS#1)
 * @param caPem the authorities whose VEN certificates are accepted (PEM)
 * @param fingerprints the OpenADR fingerprints of the VEN certificates the operator registered
 *     beforehand; empty: any certificate signed by {@code caPem} may register
 */
public record VtnTls(Path certPem, Path keyPem, Path caPem, Set<String> fingerprints) {
    /** The only protocol version OpenADR 2.0b allows. */
    public static final String PROTOCOL = "TLSv1.2";

    public VtnTls {
        Objects.requireNonNull(certPem, "certPem");
        Objects.requireNonNull(keyPem, "keyPem");
        Objects.requireNonNull(caPem, "caPem");
        fingerprints =
                Objects.requireNonNull(fingerprints, "fingerprints").stream()
                        .map(OadrFingerprint::normalise)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a VEN with this certificate fingerprint may register. */
    public boolean admits(String fingerprint) {
        return fingerprints.isEmpty() || fingerprints.contains(fingerprint);
    }
}
