package io.gridshift.aggregator.api.auth;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.Objects;
import java.util.Set;

/**
 * How JSON Web Tokens are checked: the algorithm, the key (an HMAC secret for {@code HS*}, a PEM
 * public key for {@code RS*}/{@code ES*}), and the issuer and audience they must carry. The role
 * comes from the claim {@code roles} (an array; the highest counts) or {@code role}; the client's
 * name from {@code sub}. Expiry ({@code exp}) is enforced.
 *
 * @param algorithm {@code HS256}, {@code HS384}, {@code HS512}, {@code RS256} or {@code ES256}
 * @param key the secret or the PEM public key; never logged
 * @param issuer the {@code iss} every token must carry; {@code null}: not checked
 * @param audience the {@code aud} every token must carry; {@code null}: not checked
 */
public record ApiJwt(String algorithm, String key, String issuer, String audience) {
    static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "ES256");

    public ApiJwt {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new InvalidFieldException(
                    "api.jwt.algorithm", "enum", algorithm, "must be one of " + ALGORITHMS);
        }
        Objects.requireNonNull(key, "key");
        if (algorithm.startsWith("HS") && key.strip().length() < 32) {
            throw new InvalidFieldException(
                    "api.jwt.keyFile",
                    "length",
                    null,
                    "an HMAC secret must have at least 32 characters");
        }
        if (!algorithm.startsWith("HS") && !key.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new InvalidFieldException(
                    "api.jwt.keyFile",
                    "format",
                    null,
                    algorithm + " needs a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
    }

    @Override
    public String toString() {
        return "ApiJwt[" + algorithm + ", issuer " + issuer + ", audience " + audience + "]";
    }
}
