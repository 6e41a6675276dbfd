package io.gridshift.vtn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The VTN's settings.
 *
 * @param vtnId the {@code vtnID} it sends in every message
 * @param host the address to listen on
 * @param port the port; 0 for a free one
 * @param pollFrequency how often VENs are asked to poll ({@code oadrRequestedOadrPollFreq})
 * @param tls HTTPS with mutual TLS; null for plain HTTP (tests, a pilot behind a TLS proxy)
 * @param folder where registrations are kept across restarts; null to keep them in memory only
 * @param reportGranularity how often the VTN asks VENs for telemetry ({@code granularity} of its
 *     report requests; the report back duration is the same)
 * @param push how it pushes to VENs registered with {@code oadrHttpPullModel=false}
 */
public record VtnConfig(
        String vtnId,
        String host,
        int port,
        Duration pollFrequency,
        VtnTls tls,
        Path folder,
        Duration reportGranularity,
        PushPolicy push) {
    public static final Duration DEFAULT_REPORT_GRANULARITY = Duration.ofMinutes(1);

    public VtnConfig {
        Objects.requireNonNull(vtnId, "vtnId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pollFrequency, "pollFrequency");
        Objects.requireNonNull(reportGranularity, "reportGranularity");
        Objects.requireNonNull(push, "push");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (pollFrequency.isNegative() || pollFrequency.isZero()) {
            throw new IllegalArgumentException(
                    "pollFrequency must be positive, got " + pollFrequency);
        }
        if (reportGranularity.isNegative() || reportGranularity.isZero()) {
            throw new IllegalArgumentException(
                    "reportGranularity must be positive, got " + reportGranularity);
        }
    }

    /** Plain HTTP, in memory, telemetry every minute, default push retries. */
    public VtnConfig(String vtnId, String host, int port, Duration pollFrequency) {
        this(
                vtnId,
                host,
                port,
                pollFrequency,
                null,
                null,
                DEFAULT_REPORT_GRANULARITY,
                PushPolicy.DEFAULTS);
    }

    public VtnConfig withTls(VtnTls value) {
        return new VtnConfig(
                vtnId, host, port, pollFrequency, value, folder, reportGranularity, push);
    }

    public VtnConfig withFolder(Path value) {
        return new VtnConfig(vtnId, host, port, pollFrequency, tls, value, reportGranularity, push);
    }

    public VtnConfig withReportGranularity(Duration value) {
        return new VtnConfig(vtnId, host, port, pollFrequency, tls, folder, value, push);
    }

    public VtnConfig withPush(PushPolicy value) {
        return new VtnConfig(
                vtnId, host, port, pollFrequency, tls, folder, reportGranularity, value);
    }
}
