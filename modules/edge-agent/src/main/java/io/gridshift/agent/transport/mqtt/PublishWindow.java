package io.gridshift.agent.transport.mqtt;

import io.gridshift.agent.transport.TransportErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps the QoS 1 publications handed to Paho within the broker's receive maximum (CONNACK; HiveMQ
 * says 10). Paho refuses a publication beyond it with "too many publishes in progress" instead of
 * queueing it, so a burst, such as a buffer replayed after an outage, would fail. The rest wait
 * here, up to a bound, and start as acknowledgements free slots.
 */
final class PublishWindow {
    private final int maxWaiting;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final Set<CompletableFuture<Void>> inFlight = new HashSet<>();
    private int limit = 1;
    private boolean draining;

    PublishWindow(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    /**
     * Starts {@code publish} now if a slot is free, or once one is. The returned future completes
     * as the publication's does.
     */
    CompletableFuture<Void> submit(Supplier<CompletableFuture<Void>> publish) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Waiting entry = new Waiting(publish, result);
        synchronized (this) {
            if (inFlight.size() >= limit) {
                if (waiting.size() >= maxWaiting) {
                    return CompletableFuture.failedFuture(TransportErrors.backlogFull(maxWaiting));
                }
                waiting.add(entry);
                return result;
            }
            inFlight.add(result);
        }
        start(entry);
        return result;
    }

    /** The broker's receive maximum for the connection just made. */
    void resize(int receiveMaximum) {
        synchronized (this) {
            limit = Math.max(1, receiveMaximum);
        }
        drain();
    }

    /** Fails the publications not yet handed to Paho (those in flight stay with its session). */
    void failWaiting(Throwable cause) {
        List<Waiting> failed;
        synchronized (this) {
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        failed.forEach(w -> w.result.completeExceptionally(cause));
    }

    /** Fails every publication, waiting or in flight; for close. */
    void failAll(Throwable cause) {
        failWaiting(cause);
        List<CompletableFuture<Void>> failed;
        synchronized (this) {
            failed = new ArrayList<>(inFlight);
            inFlight.clear();
        }
        failed.forEach(f -> f.completeExceptionally(cause));
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private void start(Waiting entry) {
        CompletableFuture<Void> publication;
        try {
            publication = entry.publish.get();
        } catch (RuntimeException e) {
            publication = CompletableFuture.failedFuture(e);
        }
        publication.whenComplete(
                (ok, error) -> {
                    synchronized (this) {
                        inFlight.remove(entry.result);
                    }
                    if (error == null) {
                        entry.result.complete(null);
                    } else {
                        entry.result.completeExceptionally(error);
                    }
                    drain();
                });
    }

    /**
     * Starts waiting publications while slots are free. One thread drains at a time, in a loop
     * rather than by recursion: a publication that fails at once frees its slot from inside {@link
     * #start}, and ten thousand of those must not nest ten thousand calls deep.
     */
    private void drain() {
        while (true) {
            Waiting next;
            synchronized (this) {
                if (draining) {
                    return;
                }
                if (inFlight.size() >= limit || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                inFlight.add(next.result);
                draining = true;
            }
            try {
                start(next);
            } finally {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }

    private record Waiting(
            Supplier<CompletableFuture<Void>> publish, CompletableFuture<Void> result) {}
}
