package io.gridshift.vtn.oadr;

import io.gridshift.vtn.ven.VenRegistry;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrPollType;

/**
 * OadrPoll: a registered VEN's {@code oadrPoll} gets an {@code oadrDistributeEvent} when an event
 * is pending for it, an {@code oadrResponse} (200) otherwise.
 */
public final class PollService implements OadrService {
    private final VenRegistry vens;
    private final Distributor distributor;

    public PollService(VenRegistry vens, Distributor distributor) {
        this.vens = Objects.requireNonNull(vens, "vens");
        this.distributor = Objects.requireNonNull(distributor, "distributor");
    }

    @Override
    public Optional<Object> handle(Object message) {
        if (!(message instanceof OadrPollType poll)) {
            return Optional.empty();
        }
        String venId = poll.getVenID();
        if (vens.find(venId).isEmpty()) {
            return Optional.of(Replies.notRegistered(null, venId));
        }
        OadrDistributeEventType pending = distributor.pending(venId);
        return Optional.of(
                pending != null ? pending : Replies.response(ResponseCode.OK, null, null, venId));
    }
}
