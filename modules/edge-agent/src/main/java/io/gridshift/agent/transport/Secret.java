package io.gridshift.agent.transport;

import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A password or pre-shared key. Its {@link #toString()} never shows the value, so options records
 * that hold one can be logged whole; only the transport that needs the bytes asks for them.
 */
public final class Secret {
    private static final String MASK = "****";

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** The UTF-8 bytes of {@code value}. */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException("secret", "required", null, "must not be empty");
        }
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    public static Secret ofBytes(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidFieldException("secret", "required", null, "must not be empty");
        }
        return new Secret(value.clone());
    }

    /**
     * The content of {@code file}, without one trailing line break: files written by {@code echo}
     * or an editor end with one, and a key that silently includes it would never match.
     */
    public static Secret fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // the path may be logged, the content never is
            throw new UncheckedIOException("cannot read the secret file " + file, e);
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        if (end == 0) {
            throw new InvalidFieldException("secret", "required", file, "the file is empty");
        }
        return new Secret(Arrays.copyOf(bytes, end));
    }

    /** A copy of the secret's bytes; the caller should clear it when done. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The secret as UTF-8 text (key store passwords). */
    public char[] chars() {
        return new String(value, StandardCharsets.UTF_8).toCharArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        // equal secrets must hash alike; a constant keeps the hash from leaking anything
        return 1;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
