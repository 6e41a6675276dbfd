package io.gridshift.agent.transport;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.domain.site.SiteStatus.Availability;
import io.gridshift.edge.codec.EdgeCodec;
import java.time.Clock;

/**
 * The encoded status messages a transport sends by itself: {@link #online()} after every
 * (re)connect, before the agent hears {@code connected}, and {@link #offline()} as the MQTT will
 * and on a clean close. Asked anew on each use, so that their timestamps are current; the transport
 * stays bytes-only. The will carries the time of the connect, as the broker stores it then; an
 * aggregator dates an OFFLINE will by its arrival.
 */
public interface StatusPayloads {

    byte[] online();

    byte[] offline();

    /** The site's {@link SiteStatus}, encoded with {@code codec}, stamped by {@code clock}. */
    static StatusPayloads of(SiteId site, EdgeCodec codec, Clock clock, String agentVersion) {
        Check.required("site", site);
        Check.required("codec", codec);
        Check.required("clock", clock);
        Check.text("agentVersion", agentVersion);
        return new StatusPayloads() {
            @Override
            public byte[] online() {
                return encode(Availability.ONLINE);
            }

            @Override
            public byte[] offline() {
                return encode(Availability.OFFLINE);
            }

            private byte[] encode(Availability availability) {
                return codec.encode(
                        new SiteStatus(site, availability, clock.instant(), agentVersion));
            }
        };
    }

    /** Fixed payloads, for tests and for callers that encode once. */
    static StatusPayloads fixed(byte[] online, byte[] offline) {
        byte[] on = Check.required("online", online).clone();
        byte[] off = Check.required("offline", offline).clone();
        return new StatusPayloads() {
            @Override
            public byte[] online() {
                return on.clone();
            }

            @Override
            public byte[] offline() {
                return off.clone();
            }
        };
    }
}
