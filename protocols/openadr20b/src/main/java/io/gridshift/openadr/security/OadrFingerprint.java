package io.gridshift.openadr.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The OpenADR 2.0b certificate fingerprint: the last 80 bits of the SHA-256 hash of the
 * certificate's DER encoding, written as ten upper-case hex pairs separated by colons, e.g. {@code
 * 7A:1D:5B:DD:6D:E1:C5:E2:9C:5D}. A VTN binds a VEN's registration to it; a VEN checks its VTN's
 * against the one configured out of band.
 */
public final class OadrFingerprint {
    private static final int BYTES = 10;
    private static final Pattern FORM = Pattern.compile("([0-9A-F]{2}:){9}[0-9A-F]{2}");

    private OadrFingerprint() {}

    /** The fingerprint of {@code certificate}. */
    public static String of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded as DER", e);
        }
    }

    /** The fingerprint of a certificate given as DER bytes. */
    public static String of(byte[] der) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(der);
            HexFormat hex = HexFormat.ofDelimiter(":").withUpperCase();
            return hex.formatHex(hash, hash.length - BYTES, hash.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * {@code text} as a fingerprint: upper-cased, spaces trimmed; refused unless it is ten hex
     * pairs separated by colons.
     *
     * @throws IllegalArgumentException naming the rule
     */
    public static String normalise(String text) {
        String f = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(f).matches()) {
            throw new IllegalArgumentException(
                    "fingerprint must be ten hex pairs separated by colons"
                            + " (the last 80 bits of the certificate's SHA-256), got '"
                            + text
                            + "'");
        }
        return f;
    }
}
