package io.gridshift.aggregator.api.auth;

import io.gridshift.domain.error.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One configured API token, kept only as its SHA-256: {@code name:role:sha256hex}. Tokens are long
 * random strings (at least 128 bits), so a plain hash suffices; what is configured (file,
 * environment) never holds a usable credential. Make one with {@code openssl rand -hex 32} and hash
 * it with {@code printf %s "$TOKEN" | sha256sum}.
 *
 * @param name the client's name (audit log, rate limit); {@code [a-z0-9][a-z0-9._-]{0,62}}
 * @param role what it may do
 * @param sha256 the token's SHA-256 digest (32 bytes)
 */
public record ApiToken(String name, ApiRole role, byte[] sha256) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public ApiToken {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldException(
                    "api.tokens", "pattern", name, "a name must match " + NAME.pattern());
        }
        if (sha256 == null || sha256.length != 32) {
            throw new InvalidFieldException(
                    "api.tokens", "length", null, name + ": the digest must be 32 bytes");
        }
        sha256 = sha256.clone();
    }

    /**
     * Parses {@code name:role:sha256hex}. A malformed entry is refused without echoing it, since
     * someone may have pasted a token instead of its hash.
     */
    public static ApiToken parse(String entry) {
        String[] parts = entry.strip().split(":", -1);
        if (parts.length != 3) {
            throw new InvalidFieldException(
                    "api.tokens",
                    "format",
                    null,
                    "each entry must be name:role:sha256hex (" + parts.length + " parts found)");
        }
        if (!HEX.matcher(parts[2]).matches()) {
            throw new InvalidFieldException(
                    "api.tokens",
                    "format",
                    null,
                    parts[0]
                            + ": the third part must be the token's SHA-256 in 64 hex digits,"
                            + " never the token itself");
        }
        return new ApiToken(
                parts[0], ApiRole.parse("api.tokens", parts[1]), HexFormat.of().parseHex(parts[2]));
    }

    /** The SHA-256 of {@code token}'s UTF-8 bytes. */
    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The configuration entry for {@code token} (tests, and for documenting the format). */
    public static String entry(String name, ApiRole role, String token) {
        return name + ":" + role.label() + ":" + HexFormat.of().formatHex(digest(token));
    }

    /** Whether {@code digest} is this token's, in time independent of where they differ. */
    boolean matches(byte[] digest) {
        return MessageDigest.isEqual(sha256, digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiToken t
                && t.name.equals(name)
                && t.role == role
                && MessageDigest.isEqual(t.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + role.label() + "]";
    }
}
