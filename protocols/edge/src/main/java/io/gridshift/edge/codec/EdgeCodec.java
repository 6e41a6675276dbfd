package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.gridshift.domain.Check;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.edge.Channel;
import java.io.IOException;

/**
 * Reads and writes the edge protocol v1 messages as the domain's records, in JSON or CBOR. One
 * implementation over Jackson's streaming API serves both formats, so they share field names, rules
 * and limits. Instances are immutable and thread-safe; {@link #json()} and {@link #cbor()} are
 * shared.
 *
 * <p>Every bad payload fails with an {@link InvalidFieldException} that names the field path, the
 * rule and the value, or with a {@link GridshiftException} of kind {@link ErrorKind#TOO_LARGE}
 * (reason {@code too_large}); nothing else escapes a decode.
 */
public final class EdgeCodec {
    private static final EdgeCodec JSON =
            new EdgeCodec(EdgeFormat.JSON, EdgeCodecOptions.defaults());
    private static final EdgeCodec CBOR =
            new EdgeCodec(EdgeFormat.CBOR, EdgeCodecOptions.defaults());

    private final EdgeFormat format;
    private final EdgeCodecOptions options;
    private final JsonFactory factory;

    private EdgeCodec(EdgeFormat format, EdgeCodecOptions options) {
        this.format = format;
        this.options = Check.required("options", options);
        this.factory = factory(format, options);
    }

    /** JSON with the default limits. */
    public static EdgeCodec json() {
        return JSON;
    }

    /** CBOR with the default limits. */
    public static EdgeCodec cbor() {
        return CBOR;
    }

    public static EdgeCodec json(EdgeCodecOptions options) {
        return new EdgeCodec(EdgeFormat.JSON, options);
    }

    public static EdgeCodec cbor(EdgeCodecOptions options) {
        return new EdgeCodec(EdgeFormat.CBOR, options);
    }

    public static EdgeCodec of(EdgeFormat format, EdgeCodecOptions options) {
        return new EdgeCodec(Check.required("format", format), options);
    }

    public EdgeFormat format() {
        return format;
    }

    public EdgeCodecOptions options() {
        return options;
    }

    public byte[] encode(Telemetry telemetry) {
        return encode(telemetry, TelemetryCodec::write);
    }

    public byte[] encode(FlexEnvelope envelope) {
        return encode(envelope, EnvelopeCodec::write);
    }

    public byte[] encode(SiteStatus status) {
        return encode(status, StatusCodec::write);
    }

    public byte[] encode(DispatchOrder order) {
        return encode(order, DispatchCodec::write);
    }

    public byte[] encode(Ack ack) {
        return encode(ack, AckCodec::write);
    }

    public byte[] encode(SiteJobs jobs) {
        return encode(jobs, FlexJobsCodec::write);
    }

    public byte[] encode(SitePlan plan) {
        return encode(plan, PlanCodec::write);
    }

    public byte[] encode(PlanAck ack) {
        return encode(ack, PlanAckCodec::write);
    }

    /** Encodes any of the messages, for transports that hold them as one type. */
    public byte[] encodeMessage(Record message) {
        return switch (Channel.of(message)) {
            case TELEMETRY -> encode((Telemetry) message);
            case FLEX -> encode((FlexEnvelope) message);
            case STATUS -> encode((SiteStatus) message);
            case DISPATCH -> encode((DispatchOrder) message);
            case ACK -> encode((Ack) message);
            case JOBS -> encode((SiteJobs) message);
            case PLAN -> encode((SitePlan) message);
            case PLAN_ACK -> encode((PlanAck) message);
        };
    }

    public Telemetry decodeTelemetry(byte[] payload) {
        return decode(payload, TelemetryCodec::read);
    }

    public FlexEnvelope decodeFlex(byte[] payload) {
        return decode(payload, EnvelopeCodec::read);
    }

    public SiteStatus decodeStatus(byte[] payload) {
        return decode(payload, StatusCodec::read);
    }

    public DispatchOrder decodeDispatch(byte[] payload) {
        return decode(payload, DispatchCodec::read);
    }

    public Ack decodeAck(byte[] payload) {
        return decode(payload, AckCodec::read);
    }

    public SiteJobs decodeJobs(byte[] payload) {
        return decode(payload, FlexJobsCodec::read);
    }

    public SitePlan decodePlan(byte[] payload) {
        return decode(payload, PlanCodec::read);
    }

    public PlanAck decodePlanAck(byte[] payload) {
        return decode(payload, PlanAckCodec::read);
    }

    /** Decodes the message {@code channel} carries; its type is {@code channel.messageType()}. */
    public Record decode(Channel channel, byte[] payload) {
        return switch (Check.required("channel", channel)) {
            case TELEMETRY -> decodeTelemetry(payload);
            case FLEX -> decodeFlex(payload);
            case STATUS -> decodeStatus(payload);
            case DISPATCH -> decodeDispatch(payload);
            case ACK -> decodeAck(payload);
            case JOBS -> decodeJobs(payload);
            case PLAN -> decodePlan(payload);
            case PLAN_ACK -> decodePlanAck(payload);
        };
    }

    private <T> T decode(byte[] payload, MessageReader<T> reader) {
        if (payload == null) {
            throw new InvalidFieldException("$", "required", null, "a payload is required");
        }
        if (payload.length > options.maxPayloadBytes()) {
            throw new GridshiftException(
                    ErrorKind.TOO_LARGE,
                    "too_large",
                    "$: the payload has "
                            + payload.length
                            + " bytes, more than the limit of "
                            + options.maxPayloadBytes());
        }
        JsonParser parser = null;
        try {
            parser = factory.createParser(payload);
            WireReader r = new WireReader(parser, format, options);
            r.beginRoot();
            T message = reader.read(r);
            r.endRoot();
            return message;
        } catch (IOException e) {
            throw SyntaxErrors.of(parser, format, e);
        } catch (InvalidFieldException e) {
            throw Text.printable(e);
        } catch (GridshiftException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug on hostile bytes must not reach the transport as an unknown type; the
            // hostile-input tests fail if this is ever taken.
            throw new GridshiftException(
                    ErrorKind.BAD_INPUT,
                    "syntax",
                    "$: the payload could not be read as " + format + " (" + e + ")",
                    e);
        } finally {
            close(parser);
        }
    }

    private <T> byte[] encode(T message, MessageWriter<T> writer) {
        Check.required("message", message);
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            writer.write(new WireWriter(g), message);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.INTERNAL, "encode", "could not encode " + message + ": " + e, e);
        }
        return out.toByteArray();
    }

    private static JsonFactory factory(EdgeFormat format, EdgeCodecOptions o) {
        // Jackson's own limits are a backstop one step beyond ours: the reader hits ours first and
        // names the field. Strings are bounded by the payload size until the reader checks them.
        StreamReadConstraints limits =
                StreamReadConstraints.builder()
                        .maxNestingDepth(o.maxNestingDepth() + 1)
                        .maxStringLength(Math.max(o.maxPayloadBytes(), o.maxStringLength()))
                        .maxNameLength(o.maxStringLength())
                        .maxDocumentLength(o.maxPayloadBytes())
                        .build();
        TSFBuilder<?, ?> builder =
                format == EdgeFormat.JSON
                        ? JsonFactory.builder()
                        : CBORFactory.builder()
                                .enable(CBORGenerator.Feature.WRITE_MINIMAL_DOUBLES)
                                // A simple value or undefined is neither a number nor null here.
                                .enable(
                                        CBORParser.Feature.READ_SIMPLE_VALUE_AS_EMBEDDED_OBJECT,
                                        CBORParser.Feature.READ_UNDEFINED_AS_EMBEDDED_OBJECT);
        // JSON's non-standard numbers (NaN, Infinity), comments and single quotes stay refused:
        // they are off by default and nothing here turns them on.
        return builder.streamReadConstraints(limits)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // A parser over a byte array holds no resource that could fail to close.
            }
        }
    }

    @Override
    public String toString() {
        return "EdgeCodec[" + format + ", " + options + "]";
    }
}
