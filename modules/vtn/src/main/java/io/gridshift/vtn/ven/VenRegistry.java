package io.gridshift.vtn.ven;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The registered VENs, by venID. VenIDs are matched without regard to letter case (a venID is often
 * the certificate fingerprint, whose hex VENs write in either case). Thread-safe; in memory, and
 * written to a JSON file after every change when given one ({@link VenFile}), so that registrations
 * survive a restart.
 */
public final class VenRegistry {
    private final ConcurrentMap<String, Ven> byVenId = new ConcurrentHashMap<>();
    private final Supplier<String> ids;
    private final VenFile file;

    /**
     * @param ids new identifiers, for venIDs and registrationIDs the VTN assigns
     * @param file where registrations are kept; null for memory only
     */
    public VenRegistry(Supplier<String> ids, Path file) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.file = file == null ? null : new VenFile(file);
        if (this.file != null) {
            for (Ven ven : this.file.read()) {
                byVenId.put(key(ven.venId()), ven);
            }
        }
    }

    /** A registry in memory. */
    public VenRegistry(Supplier<String> ids) {
        this(ids, null);
    }

    /** A registry in memory that assigns random UUIDs. */
    public VenRegistry() {
        this(() -> UUID.randomUUID().toString());
    }

    /** A registry kept in {@code file}, assigning random UUIDs. */
    public static VenRegistry persistent(Path file) {
        return new VenRegistry(() -> UUID.randomUUID().toString(), file);
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
        byVenId.put(key(ven.venId()), ven);
        save();
        return ven;
    }

    public Optional<Ven> find(String venId) {
        return venId == null ? Optional.empty() : Optional.ofNullable(byVenId.get(key(venId)));
    }

    /** Removes the registration if {@code registrationId} is its id; the removed VEN, if any. */
    public Optional<Ven> cancel(String venId, String registrationId) {
        Ven ven = find(venId).orElse(null);
        if (ven == null || !ven.registrationId().equals(registrationId)) {
            return Optional.empty();
        }
        if (!byVenId.remove(key(venId), ven)) {
            return Optional.empty();
        }
        save();
        return Optional.of(ven);
    }

    /** Every VEN, by venID. */
    public List<Ven> all() {
        Collection<Ven> values = byVenId.values();
        return values.stream().sorted(Comparator.comparing(Ven::venId)).toList();
    }

    private void save() {
        if (file != null) {
            synchronized (file) {
                file.write(all());
            }
        }
    }

    private static String key(String venId) {
        return venId.toLowerCase(Locale.ROOT);
    }
}
