package io.gridshift.vtn.oadr;

import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

/**
 * Messages the VTN has for a VEN besides events ({@code oadrCreateReport}, {@code
 * oadrCancelReport}, {@code oadrRequestReregistration}): a pull VEN gets them one per poll, after
 * its pending events; a push VEN gets them pushed, and here only those that could not be pushed.
 * Thread-safe.
 */
public final class VenOutbox {
    private final ConcurrentMap<String, Queue<Object>> queues = new ConcurrentHashMap<>();

    public void add(String venId, Object message) {
        queues.computeIfAbsent(key(venId), k -> new ConcurrentLinkedQueue<>()).add(message);
    }

    /** The next message for the VEN, removed from its queue. */
    public Optional<Object> next(String venId) {
        Queue<Object> q = queues.get(key(venId));
        return q == null ? Optional.empty() : Optional.ofNullable(q.poll());
    }

    public int size(String venId) {
        Queue<Object> q = queues.get(key(venId));
        return q == null ? 0 : q.size();
    }

    private static String key(String venId) {
        return venId.toLowerCase(Locale.ROOT);
    }
}
