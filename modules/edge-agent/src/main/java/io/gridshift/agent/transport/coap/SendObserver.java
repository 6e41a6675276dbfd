package io.gridshift.agent.transport.coap;

import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.domain.error.ErrorKind;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;

/**
 * Completes a send's future from the exchange's events: a confirmable request on its success
 * response, a non-confirmable one once written. Failures that mean the link is gone (no ACK, a
 * failed send or handshake) are also reported to {@code linkFailed}; an error response is the peer
 * refusing the message, not a broken link.
 */
final class SendObserver extends MessageObserverAdapter {
    private final CompletableFuture<Void> result;
    private final boolean confirmable;
    private final String what;
    private final Consumer<Throwable> linkFailed;

    SendObserver(
            CompletableFuture<Void> result,
            boolean confirmable,
            String what,
            Consumer<Throwable> linkFailed) {
        this.result = result;
        this.confirmable = confirmable;
        this.what = what;
        this.linkFailed = linkFailed;
    }

    @Override
    public void onSent(boolean retransmission) {
        if (!confirmable) {
            result.complete(null);
        }
    }

    @Override
    public void onResponse(Response response) {
        if (response.isSuccess()) {
            result.complete(null);
        } else {
            result.completeExceptionally(
                    TransportErrors.refused(
                            kindOf(response.getCode()),
                            what
                                    + " answered "
                                    + response.getCode()
                                    + " "
                                    + response.getCode().name()));
        }
    }

    @Override
    public void onTimeout() {
        Throwable cause = TransportErrors.timeout(what + ": no answer from the aggregator");
        result.completeExceptionally(cause);
        linkFailed.accept(cause);
    }

    @Override
    public void onSendError(Throwable error) {
        Throwable cause =
                TransportErrors.disconnected(what + " could not be sent: " + error, error);
        result.completeExceptionally(cause);
        linkFailed.accept(cause);
    }

    @Override
    public void onReject() {
        result.completeExceptionally(
                TransportErrors.refused(ErrorKind.UNAVAILABLE, what + " was reset by the peer"));
    }

    @Override
    public void onCancel() {
        result.completeExceptionally(TransportErrors.closed());
    }

    static ErrorKind kindOf(ResponseCode code) {
        return switch (code) {
            case UNAUTHORIZED -> ErrorKind.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorKind.FORBIDDEN;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            case REQUEST_ENTITY_TOO_LARGE -> ErrorKind.TOO_LARGE;
            case TOO_MANY_REQUESTS -> ErrorKind.RATE_LIMITED;
            case CONFLICT -> ErrorKind.CONFLICT;
            default -> code.codeClass == 5 ? ErrorKind.UNAVAILABLE : ErrorKind.BAD_INPUT;
        };
    }
}
