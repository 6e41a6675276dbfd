package io.gridshift.aggregator.api.auth;

import java.util.Objects;

/**
 * Who made a request, once authenticated: the token's or JWT subject's name, its role, and how it
 * proved itself ({@code token} or {@code jwt}). The name is what the audit log records and what the
 * rate limit counts by.
 */
public record ApiClient(String name, ApiRole role, String method) {
    public ApiClient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
    }
}
