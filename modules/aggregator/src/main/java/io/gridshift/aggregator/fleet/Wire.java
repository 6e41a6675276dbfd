package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.time.Instant;

/**
 * How the fleet's records cross the cluster: readings field by field, envelopes in the edge
 * protocol's CBOR form (the codec already checks them on the way back in).
 */
final class Wire {
    private static final EdgeCodec CBOR = EdgeCodec.cbor();

    private Wire() {}

    static void writeTelemetry(ObjectDataOutput out, Telemetry t) throws IOException {
        out.writeBoolean(t != null);
        if (t == null) {
            return;
        }
        out.writeString(t.site().value());
        out.writeLong(t.seq());
        out.writeLong(t.ts().getEpochSecond());
        out.writeInt(t.ts().getNano());
        out.writeDouble(t.facilityKw());
        out.writeDouble(t.itKw());
        out.writeDouble(t.gridImportKw());
        out.writeDouble(t.onsiteGenKw());
        out.writeDouble(t.batterySocPct() == null ? Double.NaN : t.batterySocPct());
        out.writeString(t.activeDispatch() == null ? null : t.activeDispatch().value());
    }

    static Telemetry readTelemetry(ObjectDataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        SiteId site = SiteId.of(in.readString());
        long seq = in.readLong();
        Instant ts = Instant.ofEpochSecond(in.readLong(), in.readInt());
        double facility = in.readDouble();
        double it = in.readDouble();
        double grid = in.readDouble();
        double gen = in.readDouble();
        double soc = in.readDouble();
        String active = in.readString();
        return new Telemetry(
                site,
                seq,
                ts,
                facility,
                it,
                grid,
                gen,
                Double.isNaN(soc) ? null : soc,
                active == null ? null : DispatchId.of(active));
    }

    static void writeEnvelope(ObjectDataOutput out, FlexEnvelope e) throws IOException {
        out.writeByteArray(e == null ? null : CBOR.encode(e));
    }

    static FlexEnvelope readEnvelope(ObjectDataInput in) throws IOException {
        byte[] bytes = in.readByteArray();
        return bytes == null ? null : CBOR.decodeFlex(bytes);
    }

    static void writeOrigin(ObjectDataOutput out, Origin origin) throws IOException {
        out.writeByte(origin.transport().ordinal());
        out.writeString(origin.node());
    }

    static Origin readOrigin(ObjectDataInput in) throws IOException {
        return new Origin(Transport.values()[in.readByte()], in.readString());
    }

    static void writeContribution(ObjectDataOutput out, Contribution c) throws IOException {
        out.writeBoolean(c.online());
        out.writeString(c.zone());
        out.writeDouble(c.loadKw());
        out.writeDouble(c.itKw());
        out.writeDouble(c.hostingKw());
        out.writeDoubleArray(c.flexKw());
    }

    static Contribution readContribution(ObjectDataInput in) throws IOException {
        return new Contribution(
                in.readBoolean(),
                in.readString(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDoubleArray());
    }
}
