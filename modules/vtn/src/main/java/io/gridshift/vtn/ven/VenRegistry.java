package io.gridshift.vtn.ven;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** The registered VENs, by venID. Thread-safe; in memory. */
public final class VenRegistry {
    private final ConcurrentMap<String, Ven> byVenId = new ConcurrentHashMap<>();
    private final Supplier<String> ids;

    /**
     * @param ids new identifiers, for venIDs and registrationIDs the VTN assigns
     */
    public VenRegistry(Supplier<String> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** A registry that assigns random UUIDs. */
    public VenRegistry() {
        this(() -> UUID.randomUUID().toString());
    }

    /** A new venID for a VEN that registers without one. */
    public String newVenId() {
        return "ven-" + ids.get();
    }

    /** A new registrationID. */
    public String newRegistrationId() {
        return "reg-" + ids.get();
    }

    /** Records (or replaces) a registration. */
    public Ven register(Ven ven) {
        byVenId.put(ven.venId(), ven);
        return ven;
    }

    public Optional<Ven> find(String venId) {
        return venId == null ? Optional.empty() : Optional.ofNullable(byVenId.get(venId));
    }

    /** Removes the registration if {@code registrationId} is its id; the removed VEN, if any. */
    public Optional<Ven> cancel(String venId, String registrationId) {
        Ven ven = find(venId).orElse(null);
        if (ven == null || !ven.registrationId().equals(registrationId)) {
            return Optional.empty();
        }
        return byVenId.remove(venId, ven) ? Optional.of(ven) : Optional.empty();
    }

    public List<Ven> all() {
        Collection<Ven> values = byVenId.values();
        return List.copyOf(values);
    }
}
