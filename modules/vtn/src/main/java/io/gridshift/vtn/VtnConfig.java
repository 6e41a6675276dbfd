package io.gridshift.vtn;

import java.time.Duration;
import java.util.Objects;

/**
 * The VTN's settings.
 *
 * @param vtnId the {@code vtnID} it sends in every message
 * @param host the address to listen on
 * @param port the port; 0 for a free one
 * @param pollFrequency how often VENs are asked to poll ({@code oadrRequestedOadrPollFreq})
 */
public record VtnConfig(String vtnId, String host, int port, Duration pollFrequency) {
    public VtnConfig {
        Objects.requireNonNull(vtnId, "vtnId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pollFrequency, "pollFrequency");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }
}
