package io.gridshift.agent;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.edge.codec.EdgeCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the site's flexibility envelope when it changed materially and at least every {@code
 * maxSilence}. Envelopes are not buffered while offline: an old envelope describes a site that no
 * longer exists, so the first one after a reconnect is computed fresh.
 */
final class EnvelopeReporter {
    /** A change smaller than this share of a resource's kW (or 1 kW) is not worth a message. */
    private static final double RELATIVE_CHANGE = 0.02;

    private final SiteAdapter adapter;
    private final EdgeTransport transport;
    private final EdgeCodec codec;
    private final ReportingOptions options;
    private final AtomicLong sent = new AtomicLong();
    private FlexEnvelope lastSent;

    EnvelopeReporter(
            SiteAdapter adapter,
            EdgeTransport transport,
            EdgeCodec codec,
            ReportingOptions options) {
        this.adapter = adapter;
        this.transport = transport;
        this.codec = codec;
        this.options = options;
    }

    /** Recomputes the envelope and sends it if it changed or is due. Runs on the agent's loop. */
    void check(Instant now, boolean force) {
        if (!transport.isConnected()) {
            return;
        }
        FlexEnvelope envelope = adapter.envelope(now, options.flexValidity());
        boolean due =
                force
                        || lastSent == null
                        || Duration.between(lastSent.ts(), now).compareTo(options.flexMaxSilence())
                                >= 0
                        || changed(lastSent, envelope);
        if (!due) {
            return;
        }
        lastSent = envelope;
        transport.send(OutboundChannel.FLEX, codec.encode(envelope)).thenRun(sent::incrementAndGet);
    }

    static boolean changed(FlexEnvelope before, FlexEnvelope after) {
        List<FlexResource> a = before.resources();
        List<FlexResource> b = after.resources();
        if (a.size() != b.size()
                || material(before.hostingCapacityKw(), after.hostingCapacityKw())) {
            return true;
        }
        for (int i = 0; i < a.size(); i++) {
            FlexResource x = a.get(i);
            FlexResource y = b.get(i);
            if (!x.id().equals(y.id())
                    || material(x.maxReductionKw(), y.maxReductionKw())
                    || !Objects.equals(x.maxDuration(), y.maxDuration())
                            && material(seconds(x.maxDuration()), seconds(y.maxDuration()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean material(double before, double after) {
        return Math.abs(after - before) > Math.max(1.0, RELATIVE_CHANGE * Math.abs(before));
    }

    private static double seconds(Duration d) {
        return d == null ? Double.MAX_VALUE : d.getSeconds();
    }

    long sent() {
        return sent.get();
    }
}
