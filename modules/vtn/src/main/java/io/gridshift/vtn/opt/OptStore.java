package io.gridshift.vtn.opt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opt schedules VENs sent, by VEN and optID (a VEN that sends an optID again replaces it). In
 * memory; thread-safe.
 */
public final class OptStore {
    private final Map<String, Opt> opts = new LinkedHashMap<>();

    public synchronized void put(Opt opt) {
        opts.put(key(opt.venId(), opt.optId()), opt);
    }

    /** Marks the VEN's opt cancelled; the opt as it is now, empty if the VEN has no such opt. */
    public synchronized Optional<Opt> cancel(String venId, String optId) {
        Opt opt = opts.get(key(venId, optId));
        if (opt == null) {
            return Optional.empty();
        }
        Opt cancelled = opt.asCancelled();
        opts.put(key(venId, optId), cancelled);
        return Optional.of(cancelled);
    }

    /** The opts of one VEN (every VEN's if null), oldest first. */
    public synchronized List<Opt> all(String venId) {
        List<Opt> list = new ArrayList<>();
        for (Opt o : opts.values()) {
            if (venId == null || o.venId().equalsIgnoreCase(venId)) {
                list.add(o);
            }
        }
        return list;
    }

    private static String key(String venId, String optId) {
        return venId.toLowerCase(java.util.Locale.ROOT) + "\n" + optId;
    }
}
