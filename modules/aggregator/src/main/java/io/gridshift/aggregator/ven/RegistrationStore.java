package io.gridshift.aggregator.ven;

import java.util.Optional;

/** Where the VEN's registration is kept across restarts and, in a cluster, fail-overs. */
public interface RegistrationStore {

    Optional<VenRegistration.Registration> load();

    void save(VenRegistration.Registration registration);

    void forget();

    /** Both: {@code first} is read first (the cluster), each is written (the cluster, the file). */
    static RegistrationStore both(RegistrationStore first, RegistrationStore second) {
        return new RegistrationStore() {
            @Override
            public Optional<VenRegistration.Registration> load() {
                Optional<VenRegistration.Registration> r = first.load();
                return r.isPresent() ? r : second.load();
            }

            @Override
            public void save(VenRegistration.Registration registration) {
                first.save(registration);
                second.save(registration);
            }

            @Override
            public void forget() {
                first.forget();
                second.forget();
            }
        };
    }
}
