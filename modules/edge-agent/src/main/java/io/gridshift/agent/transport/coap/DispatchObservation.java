package io.gridshift.agent.transport.coap;

import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.edge.codec.EdgeFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's observation of its dispatch resource (RFC 7641). Every method runs on the transport's
 * scheduler thread. Each registration has a generation number; events of an older one (a late
 * timeout, the answer to a cancelled request) are ignored, so that one failure counts once.
 *
 * <p>A relation is lost on an error answer, a failed or unanswered request, or when Californium
 * cancels it; then the transport waits its back-off and registers anew. A relation silent for
 * longer than the configured period is renewed in place: a node that restarted has forgotten its
 * observers and would never notify again, and only a request tells.
 */
final class DispatchObservation {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchObservation.class);

    /** What the transport learns from the observation. */
    interface Events {
        /** A registration was answered with a notification: the link is up. */
        void established();

        /** A new dispatch payload. */
        void dispatch(byte[] payload, boolean cbor);

        /** The relation is lost; returns the delay before the next registration. */
        Duration lost(Throwable cause);
    }

    private final String uri;
    private final CoapTransportOptions options;
    private final ScheduledExecutorService scheduler;
    private final Events events;
    private final int accept;

    private CoapClient client;
    private CoapObserveRelation relation;
    private int generation;
    private boolean stopped;
    private ScheduledFuture<?> silence;
    private ScheduledFuture<?> retry;
    private byte[] lastDelivered;

    DispatchObservation(
            String uri,
            CoapTransportOptions options,
            ScheduledExecutorService scheduler,
            Events events) {
        this.uri = uri;
        this.options = options;
        this.scheduler = scheduler;
        this.events = events;
        this.accept = options.format().coapContentFormat();
    }

    /** Registers with {@code coapClient}; from then on keeps the observation up until stop. */
    void register(CoapClient coapClient) {
        this.client = coapClient;
        registerNow();
    }

    /** The link failed elsewhere (an unanswered exchange): treat the relation as lost. */
    void fail(Throwable cause) {
        lost(generation, cause);
    }

    void stop() {
        stopped = true;
        generation++;
        cancel(silence);
        cancel(retry);
        dropRelation();
        if (client != null) {
            client.shutdown();
        }
    }

    private void registerNow() {
        retry = null;
        if (stopped) {
            return;
        }
        dropRelation();
        int gen = ++generation;
        Request request = Request.newGet();
        request.setURI(uri);
        request.setObserve();
        request.getOptions().setAccept(accept);
        request.addMessageObserver(new RegistrationFailures(gen));
        relation =
                client.observe(
                        request,
                        new CoapHandler() {
                            @Override
                            public void onLoad(CoapResponse response) {
                                notification(gen, response);
                            }

                            @Override
                            public void onError() {
                                lost(
                                        gen,
                                        TransportErrors.disconnected(
                                                "observing " + uri + " failed"));
                            }
                        });
        // No silence watch yet: until the first answer, Californium's retransmissions decide
        // (a timeout counts as lost), and a renewal would only restart them without back-off.
    }

    private void notification(int gen, CoapResponse response) {
        if (gen != generation || stopped) {
            return;
        }
        if (!response.isSuccess()) {
            lost(
                    gen,
                    TransportErrors.refused(
                            SendObserver.kindOf(response.getCode()),
                            "observing " + uri + " answered " + response.getCode()));
            return;
        }
        if (!response.getOptions().hasObserve()) {
            lost(
                    gen,
                    TransportErrors.refused(
                            ErrorKind.UNAVAILABLE,
                            "the aggregator does not let " + uri + " be observed"));
            return;
        }
        watchSilence(gen);
        events.established();
        deliver(response);
    }

    private void deliver(CoapResponse response) {
        byte[] payload = response.getPayload();
        if (payload == null || payload.length == 0) {
            return; // no order yet
        }
        if (payload.length > options.maxPayloadBytes()) {
            LOG.warn("dropping a dispatch of {} bytes, more than the limit", payload.length);
            return;
        }
        // A renewal answers with the current order again; the resource's state is unchanged,
        // so it is no new order.
        if (Arrays.equals(payload, lastDelivered)) {
            return;
        }
        lastDelivered = payload;
        boolean cbor =
                response.getOptions().getContentFormat() == EdgeFormat.CBOR.coapContentFormat();
        events.dispatch(payload, cbor);
    }

    private void lost(int gen, Throwable cause) {
        if (gen != generation || stopped) {
            return;
        }
        generation++;
        cancel(silence);
        dropRelation();
        Duration delay = events.lost(cause);
        cancel(retry);
        retry = scheduler.schedule(this::registerNow, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void watchSilence(int gen) {
        cancel(silence);
        silence =
                scheduler.schedule(
                        () -> renew(gen),
                        options.observeLostTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** Nothing heard for a while: ask again with the same token, or register anew. */
    private void renew(int gen) {
        if (gen != generation || stopped) {
            return;
        }
        LOG.debug("no notification from {} for {}; renewing", uri, options.observeLostTimeout());
        boolean renewed;
        try {
            renewed = relation != null && relation.reregister();
        } catch (IllegalStateException e) {
            renewed = false;
        }
        if (renewed) {
            watchSilence(gen);
        } else {
            registerNow();
        }
    }

    private void dropRelation() {
        if (relation != null) {
            // local only: the node forgets us when its next notification is answered with RST
            relation.reactiveCancel();
            relation = null;
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    /** Failures of one registration (and its renewals) with their causes; handler gets none. */
    private final class RegistrationFailures extends MessageObserverAdapter {
        private final int gen;

        RegistrationFailures(int gen) {
            this.gen = gen;
        }

        @Override
        public void onTimeout() {
            post(TransportErrors.timeout("no answer from " + uri));
        }

        @Override
        public void onSendError(Throwable error) {
            post(TransportErrors.disconnected("observing " + uri + " failed: " + error, error));
        }

        @Override
        public void onReject() {
            post(TransportErrors.refused(ErrorKind.UNAVAILABLE, uri + " answered with a reset"));
        }

        private void post(Throwable cause) {
            try {
                scheduler.execute(() -> lost(gen, cause));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("dropped a registration failure after close");
            }
        }
    }
}
