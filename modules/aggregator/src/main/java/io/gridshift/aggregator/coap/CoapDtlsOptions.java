package io.gridshift.aggregator.coap;

import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DTLS on the CoAP ingress: one pre-shared key per site, the PSK identity being the site id. With
 * it the port speaks only CoAP over DTLS (RFC 7252 §9), and a site's resources answer only a peer
 * that authenticated as that site.
 *
 * @param keys the secret of each site, by site id; never logged
 */
public record CoapDtlsOptions(Map<String, byte[]> keys) {
    /** The shortest secret accepted (16 bytes: 128 bits when random). */
    public static final int MIN_SECRET_BYTES = 16;

    public CoapDtlsOptions {
        if (keys == null || keys.isEmpty()) {
            throw new InvalidFieldException(
                    "coap.pskFile", "required", null, "must hold at least one site:secret line");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach(
                (site, secret) -> {
                    if (!Ids.isValid(site)) {
                        throw new InvalidFieldException(
                                "coap.pskFile", "pattern", site, "an identity must be a site id");
                    }
                    if (secret == null || secret.length < MIN_SECRET_BYTES) {
                        throw new InvalidFieldException(
                                "coap.pskFile",
                                "length",
                                null,
                                site
                                        + ": the secret must have at least "
                                        + MIN_SECRET_BYTES
                                        + " bytes");
                    }
                    copy.put(site, secret.clone());
                });
        keys = Map.copyOf(copy);
    }

    /**
     * Parses the lines of a PSK file: {@code site:secret} (UTF-8 text, as {@code coap-client -k}
     * and the agent's {@code coap.pskFile} take it), {@code #} comments and blank lines ignored.
     */
    public static CoapDtlsOptions parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new InvalidFieldException(
                        "coap.pskFile", "format", null, "line " + n + ": must be site:secret");
            }
            String site = l.substring(0, colon);
            if (keys.put(site, l.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) != null) {
                throw new InvalidFieldException(
                        "coap.pskFile", "unique", site, "line " + n + ": a site appears twice");
            }
        }
        return new CoapDtlsOptions(keys);
    }

    @Override
    public String toString() {
        return "CoapDtlsOptions[" + keys.size() + " site keys]";
    }
}
