package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import java.io.IOException;
import java.time.Instant;

/**
 * One site's entry in the fleet map. It lives on the member that owns the site's partition and is
 * changed only by entry processors there, one at a time; queries get serialized copies. It keeps
 * the contribution it last added to the member's totals, so each change moves the totals by an
 * exact difference.
 */
public final class SiteRecord implements IdentifiedDataSerializable {
    private String site;
    private Presence presence = Presence.ONLINE;
    private long lastSeenMillis;
    private Transport transport = Transport.MQTT;
    private String node = "";
    private String agentVersion;
    private Telemetry latest;
    private TelemetryWindow window;
    private FlexEnvelope envelope;
    private long highestSeq = -1;
    private long received;
    private long duplicates;
    private long missing;
    private long late;
    private Contribution counted = Contribution.NONE;
    private long generation;

    /** For deserialization. */
    public SiteRecord() {}

    SiteRecord(SiteId site, int windowCapacity) {
        this.site = site.value();
        this.window = new TelemetryWindow(windowCapacity);
    }

    /** What adding a reading did. */
    enum Added {
        NEW,
        LATE,
        DUPLICATE
    }

    String key() {
        return site;
    }

    void heard(Origin origin, long nowMillis) {
        lastSeenMillis = Math.max(lastSeenMillis, nowMillis);
        transport = origin.transport();
        node = origin.node();
        if (presence == Presence.STALE) {
            presence = Presence.ONLINE;
        }
    }

    Added addTelemetry(Telemetry t) {
        long s = t.seq();
        if (s > highestSeq) {
            if (highestSeq >= 0) {
                missing += s - highestSeq - 1;
            }
            highestSeq = s;
        } else if (window.containsSeq(s) || (latest != null && latest.seq() == s)) {
            duplicates++;
            return Added.DUPLICATE;
        } else {
            late++;
            missing = Math.max(0, missing - 1);
        }
        received++;
        window.add(
                s,
                t.ts().toEpochMilli(),
                t.facilityKw(),
                t.itKw(),
                t.gridImportKw(),
                t.onsiteGenKw());
        if (latest == null || !t.ts().isBefore(latest.ts())) {
            latest = t;
            if (presence == Presence.OFFLINE) {
                presence = Presence.ONLINE;
            }
        }
        return s == highestSeq ? Added.NEW : Added.LATE;
    }

    /** Takes the envelope unless the site already has a newer one. */
    boolean setEnvelope(FlexEnvelope e) {
        if (envelope != null && e.ts().isBefore(envelope.ts())) {
            return false;
        }
        envelope = e;
        return true;
    }

    void setStatus(SiteStatus s) {
        presence =
                s.availability() == SiteStatus.Availability.ONLINE
                        ? Presence.ONLINE
                        : Presence.OFFLINE;
        if (s.agentVersion() != null) {
            agentVersion = s.agentVersion();
        }
    }

    /** Marks the site stale when it was last heard before {@code cutoffMillis}. */
    boolean markStaleIfSilent(long cutoffMillis) {
        if (presence == Presence.ONLINE && lastSeenMillis < cutoffMillis) {
            presence = Presence.STALE;
            return true;
        }
        return false;
    }

    /** What the site should add to the totals at {@code nowMillis}. */
    Contribution contribution(long nowMillis) {
        if (presence != Presence.ONLINE) {
            return Contribution.NONE;
        }
        String zone = envelope == null ? null : envelope.zone().code();
        double[] flex = new double[Contribution.KINDS];
        double hosting = 0;
        if (envelope != null && envelope.isValidAt(Instant.ofEpochMilli(nowMillis))) {
            for (FlexResource r : envelope.resources()) {
                flex[r.kind().ordinal()] += r.maxReductionKw();
            }
            hosting = envelope.hostingCapacityKw();
        }
        double load = latest == null ? 0 : latest.facilityKw();
        double it = latest == null ? 0 : latest.itKw();
        return new Contribution(true, zone, load, it, hosting, flex);
    }

    Contribution counted() {
        return counted;
    }

    /** The generation of the member totals that {@link #counted()} was added to. */
    long generation() {
        return generation;
    }

    void setCounted(Contribution c, long totalsGeneration) {
        counted = c;
        generation = totalsGeneration;
    }

    Transport transport() {
        return transport;
    }

    String node() {
        return node;
    }

    Presence presence() {
        return presence;
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }

    FlexEnvelope envelope() {
        return envelope;
    }

    TelemetryWindow window() {
        return window;
    }

    /** A copy sharing everything but the window, which it leaves empty. */
    SiteRecord withoutWindow() {
        SiteRecord c = new SiteRecord();
        c.site = site;
        c.presence = presence;
        c.lastSeenMillis = lastSeenMillis;
        c.transport = transport;
        c.node = node;
        c.agentVersion = agentVersion;
        c.latest = latest;
        c.window = new TelemetryWindow(0);
        c.envelope = envelope;
        c.highestSeq = highestSeq;
        c.received = received;
        c.duplicates = duplicates;
        c.missing = missing;
        c.late = late;
        c.counted = counted;
        c.generation = generation;
        return c;
    }

    SiteView view() {
        return new SiteView(
                SiteId.of(site),
                presence,
                Instant.ofEpochMilli(lastSeenMillis),
                transport,
                node,
                agentVersion,
                envelope == null ? null : envelope.zone().code(),
                latest,
                envelope,
                new DeliveryQuality(received, duplicates, missing, late),
                counted);
    }

    @Override
    public int getFactoryId() {
        return FleetSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.SITE_RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(site);
        out.writeByte(presence.ordinal());
        out.writeLong(lastSeenMillis);
        out.writeByte(transport.ordinal());
        out.writeString(node);
        out.writeString(agentVersion);
        Wire.writeTelemetry(out, latest);
        window.write(out);
        Wire.writeEnvelope(out, envelope);
        out.writeLong(highestSeq);
        out.writeLong(received);
        out.writeLong(duplicates);
        out.writeLong(missing);
        out.writeLong(late);
        Wire.writeContribution(out, counted);
        out.writeLong(generation);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        site = in.readString();
        presence = Presence.values()[in.readByte()];
        lastSeenMillis = in.readLong();
        transport = Transport.values()[in.readByte()];
        node = in.readString();
        agentVersion = in.readString();
        latest = Wire.readTelemetry(in);
        window = TelemetryWindow.read(in);
        envelope = Wire.readEnvelope(in);
        highestSeq = in.readLong();
        received = in.readLong();
        duplicates = in.readLong();
        missing = in.readLong();
        late = in.readLong();
        counted = Wire.readContribution(in);
        generation = in.readLong();
    }
}
