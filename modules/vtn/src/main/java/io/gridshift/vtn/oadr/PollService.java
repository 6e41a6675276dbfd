package io.gridshift.vtn.oadr;

import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.vtn.ven.VenRegistry;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrPollType;

/**
 * OadrPoll: a registered VEN's {@code oadrPoll} gets an {@code oadrDistributeEvent} when an event
 * is pending for it, else the next message waiting in its {@link VenOutbox} (a report request or
 * cancellation, a re-registration request), else an {@code oadrResponse} (200).
 */
public final class PollService implements OadrService {
    private final VenRegistry vens;
    private final Distributor distributor;
    private final VenOutbox outbox;

    public PollService(VenRegistry vens, Distributor distributor, VenOutbox outbox) {
        this.vens = Objects.requireNonNull(vens, "vens");
        this.distributor = Objects.requireNonNull(distributor, "distributor");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public Optional<Object> handle(Object message, Sender sender) {
        if (!(message instanceof OadrPollType poll)) {
            return Optional.empty();
        }
        String venId = poll.getVenID();
        if (vens.find(venId).isEmpty()) {
            return Optional.of(Replies.notRegistered(null, venId));
        }
        OadrDistributeEventType pending = distributor.pending(venId);
        if (pending != null) {
            return Optional.of(pending);
        }
        return Optional.of(
                outbox.next(venId)
                        .orElseGet(() -> Replies.response(OadrResponseCode.OK, null, null, venId)));
    }
}
