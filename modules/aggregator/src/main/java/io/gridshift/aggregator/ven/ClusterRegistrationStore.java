package io.gridshift.aggregator.ven;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Optional;

/**
 * The registration in the cluster map {@value #MAP}, keyed by the VTN's URL, so that the node that
 * takes the VEN over after a fail-over goes on with the same venID and registrationID.
 */
public final class ClusterRegistrationStore implements RegistrationStore {
    /** The Hazelcast map of VEN registrations, by VTN URL. */
    public static final String MAP = "gridshift.ven-registrations";

    private final IMap<String, String> map;
    private final String key;

    public ClusterRegistrationStore(HazelcastInstance hz, VenOptions options) {
        this.map = hz.getMap(MAP);
        this.key = options.vtnUrl().toString();
    }

    @Override
    public Optional<VenRegistration.Registration> load() {
        String text = map.get(key);
        if (text == null) {
            return Optional.empty();
        }
        String[] f = text.split("\t", -1);
        return Optional.of(
                new VenRegistration.Registration(f[0], f[1], f[2].isEmpty() ? null : f[2]));
    }

    @Override
    public void save(VenRegistration.Registration r) {
        map.set(
                key,
                String.join(
                        "\t", r.venId(), r.registrationId(), r.vtnId() == null ? "" : r.vtnId()));
    }

    @Override
    public void forget() {
        map.delete(key);
    }
}
