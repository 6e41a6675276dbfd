package io.gridshift.aggregator.api.auth;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.Locale;

/**
 * What an API client may do. Each role includes the ones before it: a viewer reads, an operator
 * also changes (issues dispatches), an admin also administers (reserved for configuration
 * endpoints).
 */
public enum ApiRole {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** Whether this role grants what {@code needed} grants. */
    public boolean includes(ApiRole needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named {@code text} (any case); {@code field} names the setting or claim. */
    public static ApiRole parse(String field, String text) {
        if (text != null) {
            for (ApiRole r : values()) {
                if (r.name().equalsIgnoreCase(text.strip())) {
                    return r;
                }
            }
        }
        throw new InvalidFieldException(
                field, "enum", text, "must be one of viewer, operator, admin");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
