package io.gridshift.vtn.ven;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered VEN.
 *
 * @param transport the OpenADR transport name, e.g. {@code simpleHttp}
 * @param transportAddress where the VEN listens for push; may be null for a pull VEN
 * @param pull whether it polls ({@code oadrHttpPullModel})
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
        Instant registeredAt) {
    public Ven {
        Objects.requireNonNull(venId, "venId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
