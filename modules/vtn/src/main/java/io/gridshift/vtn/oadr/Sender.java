package io.gridshift.vtn.oadr;

/**
 * Who sent a message, as far as the transport tells.
 *
 * @param fingerprint the OpenADR fingerprint of the client certificate from the TLS session; null
 *     over plain HTTP
 */
public record Sender(String fingerprint) {
    public static final Sender PLAIN = new Sender(null);

    public boolean authenticated() {
        return fingerprint != null;
    }
}
