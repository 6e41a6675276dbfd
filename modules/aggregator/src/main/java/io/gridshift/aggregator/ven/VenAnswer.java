package io.gridshift.aggregator.ven;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The VEN's reply to a message from its VTN, and what it does after. Pulled, the reply is posted to
 * the VTN; pushed, it is the body of the HTTP response. The follow-up runs once the reply is out
 * (e.g. the first data of a one-shot report).
 *
 * @param reply the oadr* message that answers
 * @param followUp what to do after the reply was sent
 */
public record VenAnswer(Object reply, Supplier<CompletionStage<Void>> followUp) {

    static VenAnswer of(Object reply) {
        return new VenAnswer(reply, () -> CompletableFuture.completedFuture(null));
    }
}
