package io.gridshift.aggregator.ingest;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.aggregator.schedule.ScheduleInbox;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeAddress;
import io.gridshift.edge.SiteCheck;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into the aggregator for edge messages, whatever the transport: throttle, decode and
 * validate through {@code protocols/edge}, apply the site rule, then file the message in the fleet
 * state or the dispatch service. A refused message is counted under its reason and changes nothing;
 * the transports map the exception's kind to their own codes. Transports stay thin: they parse the
 * address and hand the bytes over (as Hono's adapters hand over to a sender).
 */
public final class EdgeIngest {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeIngest.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final FleetState fleet;
    private final DispatchService dispatch;
    private final SiteThrottle throttle;
    private final AggregatorMetrics metrics;
    private final Consumer<Telemetry> meter;
    private final ScheduleInbox schedule;

    public EdgeIngest(
            FleetState fleet,
            DispatchService dispatch,
            SiteThrottle throttle,
            AggregatorMetrics metrics) {
        this(fleet, dispatch, throttle, metrics, t -> {});
    }

    /**
     * @param meter told of every reading handed to the fleet state (the ledger's meter intervals);
     *     must not block
     */
    public EdgeIngest(
            FleetState fleet,
            DispatchService dispatch,
            SiteThrottle throttle,
            AggregatorMetrics metrics,
            Consumer<Telemetry> meter) {
        this(fleet, dispatch, throttle, metrics, meter, null);
    }

    /**
     * @param schedule where jobs reports and plan acks go; {@code null}: refused ({@code
     *     unavailable}), for nodes built without the schedule
     */
    public EdgeIngest(
            FleetState fleet,
            DispatchService dispatch,
            SiteThrottle throttle,
            AggregatorMetrics metrics,
            Consumer<Telemetry> meter,
            ScheduleInbox schedule) {
        this.schedule = schedule;
        this.fleet = fleet;
        this.dispatch = dispatch;
        this.throttle = throttle;
        this.metrics = metrics;
        this.meter = meter;
    }

    /**
     * Takes one message.
     *
     * @param address where it was published or posted (the site and channel)
     * @param codec the codec of its encoding
     * @param payload its bytes
     * @param origin the transport and this node
     * @param authenticated the site the connection authenticated as; {@code null} without
     * @param confirm whether the caller must know it is stored before answering (QoS 1, CoAP CON)
     * @return completes once the message is stored (at once for an unconfirmed reading); fails with
     *     a {@link GridshiftException} when refused
     * @throws GridshiftException when the message is refused before anything was queued
     */
    public CompletionStage<Void> accept(
            EdgeAddress address,
            EdgeCodec codec,
            byte[] payload,
            Origin origin,
            SiteId authenticated,
            boolean confirm) {
        Channel channel = address.channel();
        Record message;
        try {
            if (channel.direction() != Channel.Direction.AGENT_TO_AGGREGATOR) {
                throw new GridshiftException(
                        ErrorKind.BAD_INPUT,
                        "direction",
                        channel.segment()
                                + ": the aggregator sends on this channel, agents do not");
            }
            throttle.acquire(address.site().value());
            message = codec.decode(channel, payload);
            SiteCheck.require(address, message, authenticated);
        } catch (GridshiftException e) {
            refused(origin, address, e);
            throw e;
        }
        CompletionStage<?> stored = file(message, origin, confirm);
        if (stored == null) {
            metrics.ingested(origin.transport(), channel);
            return DONE;
        }
        return stored.handle(
                (ok, error) -> {
                    if (error == null) {
                        metrics.ingested(origin.transport(), channel);
                        return null;
                    }
                    Throwable cause =
                            error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof GridshiftException g) {
                        refused(origin, address, g);
                        throw g;
                    }
                    LOG.warn("storing {} from {} failed", channel.segment(), address.site(), cause);
                    throw new GridshiftException(
                            ErrorKind.UNAVAILABLE,
                            "unavailable",
                            "the fleet state could not store the message; send it again",
                            cause);
                });
    }

    private CompletionStage<?> file(Record message, Origin origin, boolean confirm) {
        try {
            if (message instanceof Telemetry t) {
                CompletionStage<?> stored = fleet.telemetry(t, origin, confirm);
                meter.accept(t);
                return stored;
            } else if (message instanceof FlexEnvelope e) {
                return fleet.envelope(e, origin);
            } else if (message instanceof SiteStatus s) {
                return fleet.status(s, origin);
            } else if (message instanceof Ack a) {
                return dispatch.onAck(a);
            } else if (message instanceof SiteJobs j) {
                return schedule().jobs(j);
            } else if (message instanceof PlanAck a) {
                return schedule().ack(a);
            }
        } catch (GridshiftException e) {
            CompletableFuture<Void> failed = new CompletableFuture<>();
            failed.completeExceptionally(e);
            return failed;
        }
        throw new IllegalArgumentException("not an uplink message: " + message.getClass());
    }

    private ScheduleInbox schedule() {
        if (schedule == null) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE, "unavailable", "this node keeps no schedule");
        }
        return schedule;
    }

    private void refused(Origin origin, EdgeAddress address, GridshiftException e) {
        metrics.rejected(origin.transport(), e.reason());
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "refused {} from {} over {}: {}",
                    address.channel().segment(),
                    address.site(),
                    origin.transport(),
                    e.getMessage());
        }
    }

    /**
     * Counts a message the transport refused before handing it over (a bad topic or path, a content
     * format the protocol does not use, a node limit).
     */
    public void refused(Origin origin, GridshiftException e) {
        metrics.rejected(origin.transport(), e.reason());
    }
}
