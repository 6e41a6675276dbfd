package io.gridshift.agent.transport.mqtt;

import io.gridshift.agent.transport.Secret;
import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key material for MQTT over TLS ({@code ssl://} URIs), read from key store files.
 *
 * @param trustStore the CAs that may sign the broker's certificate; {@code null} trusts the JVM's
 *     default CAs
 * @param trustStorePassword the trust store's password; {@code null} when it has none
 * @param keyStore this agent's certificate and key, for brokers that authenticate clients by
 *     certificate (the site id should be its CN); {@code null} for none
 * @param keyStorePassword the key store's (and its key's) password; required with a key store
 * @param storeType the files' format (default {@code PKCS12}; {@code JKS} also works)
 * @param verifyHostname whether the broker's certificate must name the host of the server URI
 *     (default true; turn off only for test brokers with self-signed certificates)
 */
public record TlsFiles(
        Path trustStore,
        Secret trustStorePassword,
        Path keyStore,
        Secret keyStorePassword,
        String storeType,
        boolean verifyHostname) {
    public static final String DEFAULT_STORE_TYPE = "PKCS12";

    public TlsFiles {
        readable("trustStore", trustStore);
        readable("keyStore", keyStore);
        if (keyStore != null && keyStorePassword == null) {
            throw new InvalidFieldException(
                    "keyStorePassword", "required", null, "is required with a keyStore");
        }
        if (storeType == null || storeType.isBlank()) {
            throw new InvalidFieldException("storeType", "required", storeType, "is required");
        }
    }

    /** Trust the CAs in {@code trustStore}, present no client certificate. */
    public static TlsFiles trusting(Path trustStore, Secret password) {
        return new TlsFiles(trustStore, password, null, null, DEFAULT_STORE_TYPE, true);
    }

    /** A copy that presents the certificate in {@code keyStore}. */
    public TlsFiles withKeyStore(Path store, Secret password) {
        return new TlsFiles(
                trustStore, trustStorePassword, store, password, storeType, verifyHostname);
    }

    public TlsFiles withStoreType(String type) {
        return new TlsFiles(
                trustStore, trustStorePassword, keyStore, keyStorePassword, type, verifyHostname);
    }

    public TlsFiles withVerifyHostname(boolean verify) {
        return new TlsFiles(
                trustStore, trustStorePassword, keyStore, keyStorePassword, storeType, verify);
    }

    /**
     * A socket factory over these files, read now: a wrong password or a broken file fails at
     * start-up, naming the file, instead of at every reconnect.
     */
    public SSLSocketFactory socketFactory() {
        try {
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(
                    trustStore == null ? null : load("trustStore", trustStore, trustStorePassword));
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load("keyStore", keyStore, keyStorePassword), keyStorePassword.chars());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private KeyStore load(String field, Path file, Secret password)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(storeType);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.chars());
            return store;
        } catch (IOException e) {
            // a wrong password surfaces as an IOException from KeyStore.load
            throw new InvalidFieldException(
                    field,
                    "readable",
                    file,
                    "cannot be read as " + storeType + ": " + e.getMessage());
        }
    }

    private static void readable(String field, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new InvalidFieldException(field, "readable", file, "must be a readable file");
        }
    }
}
