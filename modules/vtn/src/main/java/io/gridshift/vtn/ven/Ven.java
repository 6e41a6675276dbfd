package io.gridshift.vtn.ven;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered VEN.
 *
 * @param transport the OpenADR transport name, e.g. {@code simpleHttp}
 * @param transportAddress where the VEN listens for push; may be null for a pull VEN
 * @param pull whether it polls ({@code oadrHttpPullModel})
 * @param fingerprint the OpenADR fingerprint of the client certificate it registered with; null
 *     over plain HTTP
 */
public record Ven(
        String venId,
        String registrationId,
        String name,
        String profile,
        String transport,
        String transportAddress,
        boolean pull,
        boolean reportOnly,
        boolean xmlSignature,
        Instant registeredAt,
        String fingerprint) {
    public Ven {
        Objects.requireNonNull(venId, "venId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (!pull && (transportAddress == null || transportAddress.isBlank())) {
            throw new IllegalArgumentException(
                    "transportAddress is required when the VEN does not poll (push)");
        }
    }

    /** A VEN registered without a certificate (plain HTTP). */
    public Ven(
            String venId,
            String registrationId,
            String name,
            String profile,
            String transport,
            String transportAddress,
            boolean pull,
            boolean reportOnly,
            boolean xmlSignature,
            Instant registeredAt) {
        this(
                venId,
                registrationId,
                name,
                profile,
                transport,
                transportAddress,
                pull,
                reportOnly,
                xmlSignature,
                registeredAt,
                null);
    }
}
