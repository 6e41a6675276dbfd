package io.gridshift.edge;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteStatus;

/**
 * The message streams of the edge protocol v1, with how each travels over MQTT v5 and CoAP. The
 * values here are the protocol's contract (see {@code src/docs/protocol/edge-v1.md}); the
 * transports read them instead of repeating them.
 */
public enum Channel {
    /** Readings every 1 to 10 s; QoS 0 live, QoS 1 when a buffered backlog is replayed. */
    TELEMETRY(
            "telemetry",
            Telemetry.class,
            Direction.AGENT_TO_AGGREGATOR,
            0,
            1,
            false,
            CoapMethod.POST,
            CoapType.NON,
            false),
    /** The flexibility envelope, on change and at least every 5 minutes. */
    FLEX(
            "flex",
            FlexEnvelope.class,
            Direction.AGENT_TO_AGGREGATOR,
            1,
            1,
            false,
            CoapMethod.POST,
            CoapType.CON,
            false),
    /** Online/offline; retained, and the MQTT will (offline) of the agent's connection. */
    STATUS(
            "status",
            SiteStatus.class,
            Direction.AGENT_TO_AGGREGATOR,
            1,
            1,
            true,
            CoapMethod.PUT,
            CoapType.CON,
            false),
    /** Orders to one site; over CoAP the agent observes the resource (RFC 7641). */
    DISPATCH(
            "dispatch",
            DispatchOrder.class,
            Direction.AGGREGATOR_TO_AGENT,
            1,
            1,
            false,
            CoapMethod.GET,
            CoapType.CON,
            true),
    /** The agent's answers to orders. */
    ACK(
            "ack",
            Ack.class,
            Direction.AGENT_TO_AGGREGATOR,
            1,
            1,
            false,
            CoapMethod.POST,
            CoapType.CON,
            false),
    /** The site's queue of flexible jobs, on change and periodically: the scheduler's input. */
    JOBS(
            "jobs",
            SiteJobs.class,
            Direction.AGENT_TO_AGGREGATOR,
            1,
            1,
            false,
            CoapMethod.POST,
            CoapType.CON,
            false),
    /**
     * The site's day-ahead plan; retained, so that an agent that (re)connects gets the newest
     * version at once; over CoAP the agent observes it.
     */
    PLAN(
            "plan",
            SitePlan.class,
            Direction.AGGREGATOR_TO_AGENT,
            1,
            1,
            true,
            CoapMethod.GET,
            CoapType.CON,
            true),
    /** The agent's answers to plan versions. */
    PLAN_ACK(
            "plan-ack",
            PlanAck.class,
            Direction.AGENT_TO_AGGREGATOR,
            1,
            1,
            false,
            CoapMethod.POST,
            CoapType.CON,
            false);

    private final String segment;
    private final Class<? extends Record> messageType;
    private final Direction direction;
    private final int mqttQos;
    private final int maxMqttQos;
    private final boolean mqttRetained;
    private final CoapMethod coapMethod;
    private final CoapType coapType;
    private final boolean coapObserve;

    Channel(
            String segment,
            Class<? extends Record> messageType,
            Direction direction,
            int mqttQos,
            int maxMqttQos,
            boolean mqttRetained,
            CoapMethod coapMethod,
            CoapType coapType,
            boolean coapObserve) {
        this.segment = segment;
        this.messageType = messageType;
        this.direction = direction;
        this.mqttQos = mqttQos;
        this.maxMqttQos = maxMqttQos;
        this.mqttRetained = mqttRetained;
        this.coapMethod = coapMethod;
        this.coapType = coapType;
        this.coapObserve = coapObserve;
    }

    /** The last level of the MQTT topic and the last segment of the CoAP path. */
    public String segment() {
        return segment;
    }

    /** The domain record this channel carries. */
    public Class<? extends Record> messageType() {
        return messageType;
    }

    public Direction direction() {
        return direction;
    }

    /** The QoS a publisher uses by default. */
    public int mqttQos() {
        return mqttQos;
    }

    /** The highest QoS the protocol allows on this channel (subscriptions ask for this one). */
    public int maxMqttQos() {
        return maxMqttQos;
    }

    /** Whether the MQTT publication is retained (the last status stays at the broker). */
    public boolean mqttRetained() {
        return mqttRetained;
    }

    public CoapMethod coapMethod() {
        return coapMethod;
    }

    /** The CoAP message type of the request (and, for an observed resource, its notifications). */
    public CoapType coapType() {
        return coapType;
    }

    /** Whether the agent observes this resource instead of receiving requests. */
    public boolean coapObserve() {
        return coapObserve;
    }

    /** Classpath location of the message's JSON Schema (draft 2020-12), shipped in this jar. */
    public String schemaResource() {
        return "/io/gridshift/edge/v1/schema/" + segment + ".schema.json";
    }

    /** The channel whose {@link #segment()} is {@code segment}; {@code null} when none. */
    public static Channel fromSegment(String segment) {
        for (Channel c : values()) {
            if (c.segment.equals(segment)) {
                return c;
            }
        }
        return null;
    }

    /** The channel that carries {@code message}'s type. */
    public static Channel of(Record message) {
        for (Channel c : values()) {
            if (c.messageType.isInstance(message)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "not an edge message: "
                        + (message == null ? "null" : message.getClass().getName()));
    }

    /** Who publishes on a channel. */
    public enum Direction {
        AGENT_TO_AGGREGATOR,
        AGGREGATOR_TO_AGENT
    }

    /** The CoAP request methods the protocol uses (RFC 7252 §5.8). */
    public enum CoapMethod {
        GET,
        POST,
        PUT
    }

    /** Confirmable or non-confirmable CoAP messages (RFC 7252 §4.2, §4.3). */
    public enum CoapType {
        CON,
        NON
    }
}
