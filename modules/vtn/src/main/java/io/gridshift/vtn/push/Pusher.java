package io.gridshift.vtn.push;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.vtn.PushPolicy;
import io.gridshift.vtn.oadr.Courier;
import io.gridshift.vtn.oadr.Distributor;
import io.gridshift.vtn.oadr.OadrService;
import io.gridshift.vtn.oadr.Sender;
import io.gridshift.vtn.oadr.VenOutbox;
import io.gridshift.vtn.ven.Ven;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.openadr.oadr20b.OadrPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to VENs registered with {@code oadrHttpPullModel=false}: POSTs the message to {@code
 * <transportAddress>/<service>} (simpleHttp, over the VTN's TLS client when the address is https),
 * retrying with backoff ({@link PushPolicy}). A VEN's answer to a pushed {@code
 * oadrDistributeEvent} may be its {@code oadrCreatedEvent}, which is recorded as if it had been
 * posted to the VTN. What could not be pushed stays for the VEN's next poll: events stay pending,
 * other messages go to its {@link VenOutbox}.
 */
public final class Pusher implements Courier {
    private static final Logger LOG = LoggerFactory.getLogger(Pusher.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final OadrCodec codec;
    private final VenRegistry vens;
    private final Distributor distributor;
    private final VenOutbox outbox;
    private final OadrService answers;
    private final PushPolicy policy;
    private final AtomicLong pushed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param answers the service that takes what a VEN answers to a push (its oadrCreatedEvent)
     */
    public Pusher(
            Vertx vertx,
            HttpClient client,
            OadrCodec codec,
            VenRegistry vens,
            Distributor distributor,
            VenOutbox outbox,
            OadrService answers,
            PushPolicy policy) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.client = Objects.requireNonNull(client, "client");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.vens = Objects.requireNonNull(vens, "vens");
        this.distributor = Objects.requireNonNull(distributor, "distributor");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Messages delivered by push so far. */
    public long pushed() {
        return pushed.get();
    }

    /** Pushes given up (left for the VEN's poll) so far. */
    public long failed() {
        return failed.get();
    }

    /** Pushes the VEN's events if it is a push VEN with something pending; no-op otherwise. */
    public Future<Boolean> pushEvents(String venId) {
        Optional<Ven> ven = vens.find(venId).filter(v -> !v.pull());
        if (ven.isEmpty() || !distributor.hasPending(venId)) {
            return Future.succeededFuture(false);
        }
        Distributor.Delivery delivery = distributor.forPush(ven.get().venId());
        return post(ven.get(), "EiEvent", delivery.distribute(), 1)
                .map(
                        answer -> {
                            distributor.delivered(delivery);
                            answer.ifPresent(
                                    a -> answers.handle(a, new Sender(ven.get().fingerprint())));
                            return true;
                        })
                .otherwise(
                        e -> {
                            LOG.warn(
                                    "events for {} not pushed, left for its poll: {}",
                                    venId,
                                    e.getMessage());
                            return false;
                        });
    }

    @Override
    public void send(String venId, String service, Object message) {
        Optional<Ven> ven = vens.find(venId).filter(v -> !v.pull());
        if (ven.isEmpty()) {
            outbox.add(venId, message);
            return;
        }
        post(ven.get(), service, message, 1)
                .onFailure(
                        e -> {
                            LOG.warn(
                                    "{} for {} not pushed, left for its poll: {}",
                                    service,
                                    venId,
                                    e.getMessage());
                            outbox.add(venId, message);
                        });
    }

    /** Posts with retries; the message the VEN answered with, if any. */
    private Future<Optional<Object>> post(Ven ven, String service, Object message, int attempt) {
        String uri = trimSlash(ven.transportAddress()) + "/" + service;
        return vertx.executeBlocking(() -> codec.write(OadrMessages.payload(message)), false)
                .compose(xml -> attempt(uri, xml))
                .compose(
                        answer -> {
                            pushed.incrementAndGet();
                            return Future.succeededFuture(answer);
                        })
                .recover(
                        e -> {
                            if (attempt >= policy.attempts()) {
                                failed.incrementAndGet();
                                return Future.failedFuture(e);
                            }
                            long wait = Math.max(1, policy.backoffBefore(attempt + 1).toMillis());
                            LOG.debug("push to {} failed ({}), retry in {} ms", uri, e, wait);
                            return vertx.timer(wait)
                                    .compose(t -> post(ven, service, message, attempt + 1));
                        });
    }

    private Future<Optional<Object>> attempt(String uri, byte[] xml) {
        RequestOptions options =
                new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setAbsoluteURI(uri)
                        .setTimeout(policy.timeout().toMillis())
                        .putHeader("content-type", "application/xml");
        return client.request(options)
                .compose(req -> req.send(Buffer.buffer(xml)))
                .compose(
                        resp -> {
                            if (resp.statusCode() / 100 != 2) {
                                return Future.failedFuture(
                                        "the VEN answered HTTP " + resp.statusCode());
                            }
                            return resp.body();
                        })
                .compose(body -> vertx.executeBlocking(() -> answer(body), false));
    }

    private Optional<Object> answer(Buffer body) {
        if (body == null || body.length() == 0) {
            return Optional.empty();
        }
        try {
            OadrPayload payload = codec.readPayload(body.getBytes());
            return Optional.of(OadrMessages.body(payload.getOadrSignedObject()));
        } catch (OadrCodecException e) {
            // It was delivered; only its answer is unreadable.
            LOG.warn("a VEN answered a push with an invalid document: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
