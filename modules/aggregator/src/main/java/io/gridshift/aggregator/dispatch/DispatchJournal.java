package io.gridshift.aggregator.dispatch;

import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the dispatch service writes ahead: an order before it is tracked or sent, each send before
 * the transport gets it, each ack before its effect shows. A stage that fails stops what would have
 * followed (the order is not sent, the ack not applied), so nothing is acted on that the journal
 * does not hold.
 */
public interface DispatchJournal {

    /** Keeps nothing: for nodes without a ledger. */
    DispatchJournal NONE =
            new DispatchJournal() {
                @Override
                public CompletionStage<Void> order(DispatchOrder order) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<Void> send(
                        DispatchOrder order, int attempt, Transport transport, Instant at) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<Void> ack(Ack ack) {
                    return CompletableFuture.completedFuture(null);
                }
            };

    CompletionStage<Void> order(DispatchOrder order);

    CompletionStage<Void> send(DispatchOrder order, int attempt, Transport transport, Instant at);

    CompletionStage<Void> ack(Ack ack);
}
