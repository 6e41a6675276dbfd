package io.gridshift.aggregator.ven;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.openadr.security.OadrFingerprint;
import io.gridshift.openadr.security.OadrSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The VEN's TLS towards its VTN, as OpenADR 2.0b prescribes it: mutual authentication with the
 * VEN's own certificate, TLS 1.2, the VTN's certificate checked against the trust store and, when
 * one is configured, against the VTN's fingerprint exchanged out of band ({@link OadrFingerprint}).
 * A VTN whose certificate does not match is refused during the handshake, before any message is
 * sent.
 *
 * @param keyStore the VEN's key and certificate chain (PKCS12)
 * @param keyStorePassword its password
 * @param trustStore the CAs the VTN's certificate must chain to (PKCS12)
 * @param trustStorePassword its password
 * @param vtnFingerprint the VTN's certificate fingerprint; {@code null}: any certificate the trust
 *     store accepts
 * @param protocols the TLS versions offered (default TLS 1.2, OpenADR's)
 */
public record VenTls(
        Path keyStore,
        String keyStorePassword,
        Path trustStore,
        String trustStorePassword,
        String vtnFingerprint,
        List<String> protocols) {
    public static final List<String> OPENADR_PROTOCOLS = List.of("TLSv1.2");

    public VenTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        if (vtnFingerprint != null) {
            try {
                vtnFingerprint = OadrFingerprint.normalise(vtnFingerprint);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(
                        "ven.tls.vtnFingerprint", "pattern", vtnFingerprint, e.getMessage());
            }
        }
        protocols =
                protocols == null || protocols.isEmpty()
                        ? OPENADR_PROTOCOLS
                        : List.copyOf(protocols);
    }

    public static VenTls of(
            Path keyStore, String keyPassword, Path trustStore, String trustPassword) {
        return new VenTls(keyStore, keyPassword, trustStore, trustPassword, null, null);
    }

    public VenTls withVtnFingerprint(String fingerprint) {
        return new VenTls(
                keyStore, keyStorePassword, trustStore, trustStorePassword, fingerprint, protocols);
    }

    /** The SSL context: the VEN's key, the trust store, the fingerprint check. */
    public SSLContext context() {
        try {
            KeyManagerFactory keys =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(
                    load(keyStore, keyStorePassword, "ven.tls.keyStore"),
                    keyStorePassword.toCharArray());
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, trustStorePassword, "ven.tls.trustStore"));
            X509ExtendedTrustManager base = null;
            for (TrustManager tm : trust.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    base = x;
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys.getKeyManagers(),
                    new TrustManager[] {new FingerprintCheck(base, vtnFingerprint)},
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the VEN's TLS cannot be set up: " + e.getMessage(), e);
        }
    }

    /**
     * XML signatures with the key and certificate of the key store (its first key entry), and a
     * replay window of five minutes.
     */
    public OadrSignatures signatures(Clock clock) {
        KeyStore store = load(keyStore, keyStorePassword, "ven.tls.keyStore");
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return new OadrSignatures(
                            (PrivateKey) store.getKey(alias, keyStorePassword.toCharArray()),
                            (X509Certificate) store.getCertificate(alias),
                            clock,
                            Duration.ofMinutes(5));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidFieldException(
                    "ven.tls.keyStore", "key", keyStore, "holds no usable key: " + e.getMessage());
        }
        throw new InvalidFieldException("ven.tls.keyStore", "key", keyStore, "holds no key entry");
    }

    /** The TLS versions offered, for the HTTP client. */
    public SSLParameters parameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(protocols.toArray(String[]::new));
        return p;
    }

    private static KeyStore load(Path file, String password, String field) {
        if (!Files.isReadable(file)) {
            throw new InvalidFieldException(field, "readable", file, "is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidFieldException(
                    field,
                    "pkcs12",
                    file,
                    "is not a PKCS12 store this password opens: " + e.getMessage());
        }
    }

    /** The trust store's check, then the VTN's fingerprint. */
    static final class FingerprintCheck extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager base;
        private final String fingerprint;

        FingerprintCheck(X509ExtendedTrustManager base, String fingerprint) {
            this.base = Objects.requireNonNull(base, "no X.509 trust manager");
            this.fingerprint = fingerprint;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (fingerprint == null) {
                return;
            }
            String actual = OadrFingerprint.of(chain[0]);
            if (!actual.equals(fingerprint)) {
                throw new CertificateException(
                        "the VTN's certificate fingerprint "
                                + actual
                                + " is not the configured ven.tls.vtnFingerprint "
                                + fingerprint);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, Socket socket)
                throws CertificateException {
            base.checkServerTrusted(chain, auth, socket);
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, SSLEngine engine)
                throws CertificateException {
            base.checkServerTrusted(chain, auth, engine);
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth)
                throws CertificateException {
            base.checkServerTrusted(chain, auth);
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, Socket socket)
                throws CertificateException {
            base.checkClientTrusted(chain, auth, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, SSLEngine engine)
                throws CertificateException {
            base.checkClientTrusted(chain, auth, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth)
                throws CertificateException {
            base.checkClientTrusted(chain, auth);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return base.getAcceptedIssuers();
        }
    }
}
