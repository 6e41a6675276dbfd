package io.gridshift.aggregator.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on one role in the cluster (e.g. the VEN towards a VTN): an entry of the map {@value
 * #MAP} holding the holder's node id with a time to live. The holder renews it every third of the
 * time to live; a node that dies stops renewing, the entry expires, and another node takes the role
 * within one time to live. Taking and renewing is one entry processor on the entry's owner, so two
 * nodes never both hold it (a node cut off from the owner cannot renew and gives the role up when
 * its renewals fail).
 */
public final class Lease implements AutoCloseable {
    /** The Hazelcast map of leases, by role. */
    public static final String MAP = "gridshift.leases";

    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

    private final IMap<String, String> map;
    private final String role;
    private final String holder;
    private final Duration ttl;
    private final Consumer<Boolean> changed;
    private final AtomicBoolean held = new AtomicBoolean();
    private final ScheduledExecutorService timer;

    /**
     * @param role what the lease is for
     * @param holder this node's id
     * @param ttl how long the lease lasts without renewal (the fail-over time)
     * @param changed told {@code true} when this node takes the role, {@code false} when it loses
     *     it
     */
    public Lease(
            HazelcastInstance hz,
            String role,
            String holder,
            Duration ttl,
            Consumer<Boolean> changed) {
        this.map = hz.getMap(MAP);
        this.role = role;
        this.holder = holder;
        this.ttl = ttl;
        this.changed = changed;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-lease-" + role);
                            t.setDaemon(true);
                            return t;
                        });
        long every = Math.max(1, ttl.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes or renews the lease on {@code role} for {@code holder} once, for another {@code ttl}:
     * for roles that come and go (one per running grid event), renewed by the caller's own loop
     * rather than a timer of their own. Returns whether {@code holder} holds it now; throws what
     * Hazelcast throws (e.g. {@code SplitBrainProtectionException} on the minority side).
     */
    public static boolean takeOnce(HazelcastInstance hz, String role, String holder, Duration ttl) {
        IMap<String, String> leases = hz.getMap(MAP);
        return Boolean.TRUE.equals(leases.executeOnKey(role, new Take(holder, ttl.toMillis())));
    }

    /** The holder of {@code role}'s lease now, or {@code null} when nobody holds it. */
    public static String holder(HazelcastInstance hz, String role) {
        IMap<String, String> leases = hz.getMap(MAP);
        return leases.get(role);
    }

    /** Whether this node holds the role now. */
    public boolean held() {
        return held.get();
    }

    private void renew() {
        boolean now;
        try {
            now = Boolean.TRUE.equals(map.executeOnKey(role, new Take(holder, ttl.toMillis())));
        } catch (RuntimeException e) {
            LOG.warn("lease {} not renewed: {}", role, e.toString());
            now = false;
        }
        if (held.getAndSet(now) != now) {
            LOG.info("{} {} the lease on {}", holder, now ? "took" : "lost", role);
            try {
                changed.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("reacting to the lease on {} failed", role, e);
            }
        }
    }

    /** Stops renewing and gives the role up at once, if held. */
    @Override
    public void close() {
        timer.shutdownNow();
        if (held.getAndSet(false)) {
            try {
                map.remove(role, holder);
            } catch (RuntimeException e) {
                LOG.debug("lease {} left to expire: {}", role, e.toString());
            }
        }
    }

    /** Takes the entry when it is free or ours, for another time to live. */
    static final class Take implements EntryProcessor<String, String, Boolean>, Serializable {
        private static final long serialVersionUID = 1L;
        private final String holder;
        private final long ttlMillis;

        Take(String holder, long ttlMillis) {
            this.holder = holder;
            this.ttlMillis = ttlMillis;
        }

        @Override
        public Boolean process(Map.Entry<String, String> entry) {
            String current = entry.getValue();
            if (current != null && !current.equals(holder)) {
                return false;
            }
            ((ExtendedMapEntry<String, String>) entry)
                    .setValue(holder, ttlMillis, TimeUnit.MILLISECONDS);
            return true;
        }
    }
}
