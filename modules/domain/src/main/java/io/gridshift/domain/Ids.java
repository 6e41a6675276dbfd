package io.gridshift.domain;

import io.gridshift.domain.error.InvalidFieldException;

/**
 * The id rule of the edge protocol: {@code [a-z0-9][a-z0-9-]{0,62}}. Checked by hand rather than by
 * a regex because it runs on every telemetry message.
 */
public final class Ids {
    public static final int MAX_LENGTH = 63;
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private Ids() {}

    public static String check(String field, String id) {
        Check.required(field, id);
        if (!isValid(id)) {
            throw new InvalidFieldException(field, "pattern", id, "must match " + PATTERN);
        }
        return id;
    }

    public static boolean isValid(String id) {
        int n = id == null ? 0 : id.length();
        if (n == 0 || n > MAX_LENGTH || id.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
