package io.gridshift.aggregator.ven;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the aggregator's OpenADR 2.0b VEN reaches its VTN.
 *
 * @param vtnUrl the VTN's base URL; the simpleHttp services are under {@code
 *     <vtnUrl>/OpenADR2/Simple/2.0b/}
 * @param venName the name the VEN registers with
 * @param venId the venID to register with; {@code null}: the VTN assigns one
 * @param pollInterval how often to poll (default 10 s)
 * @param httpTimeout how long one exchange with the VTN may take (default 10 s)
 * @param folder where the registration (venID, registrationID) is kept across restarts
 * @param reportSampleInterval how often the fleet is sampled for the reports the VTN requested, and
 *     due reports sent (default 5 s)
 * @param tls mutual TLS towards the VTN; {@code null}: plain HTTP (tests and labs only)
 * @param validate validate every OpenADR message read and written against the 2.0b schemas (default
 *     on)
 * @param retries how often an exchange that failed in transport (no answer, connection refused,
 *     timeout) is tried again, with a doubling back-off from 500 ms (default 2)
 * @param pushUrl the URL the VTN pushes to (the VEN's own endpoint, {@code
 *     <pushUrl>/OpenADR2/Simple/2.0b/...}); {@code null}: pull, the default
 * @param xmlSignature sign every message with the TLS key (OpenADR XML signatures) and require the
 *     VTN's to be signed by the certificate with its fingerprint; needs {@code tls}
 */
public record VenOptions(
        URI vtnUrl,
        String venName,
        String venId,
        Duration pollInterval,
        Duration httpTimeout,
        Path folder,
        Duration reportSampleInterval,
        VenTls tls,
        boolean validate,
        int retries,
        URI pushUrl,
        boolean xmlSignature) {
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REPORT_SAMPLE = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 2;

    public VenOptions {
        Objects.requireNonNull(vtnUrl, "vtnUrl");
        Objects.requireNonNull(venName, "venName");
        Objects.requireNonNull(folder, "folder");
        pollInterval = positive("pollInterval", pollInterval, DEFAULT_POLL);
        httpTimeout = positive("httpTimeout", httpTimeout, DEFAULT_TIMEOUT);
        reportSampleInterval =
                positive("reportSampleInterval", reportSampleInterval, DEFAULT_REPORT_SAMPLE);
        if (xmlSignature && tls == null) {
            throw new IllegalArgumentException("xmlSignature needs the VEN's TLS key (tls)");
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0 to 10: " + retries);
        }
    }

    /** The defaults: the VTN assigns the venID, a poll every 10 s, 10 s per exchange. */
    public static VenOptions of(URI vtnUrl, String venName, Path folder) {
        return new VenOptions(
                vtnUrl,
                venName,
                null,
                null,
                null,
                folder,
                null,
                null,
                true,
                DEFAULT_RETRIES,
                null,
                false);
    }

    public VenOptions withVenId(String id) {
        return new VenOptions(
                vtnUrl,
                venName,
                id,
                pollInterval,
                httpTimeout,
                folder,
                reportSampleInterval,
                tls,
                validate,
                retries,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withPollInterval(Duration d) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                d,
                httpTimeout,
                folder,
                reportSampleInterval,
                tls,
                validate,
                retries,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withHttpTimeout(Duration d) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                d,
                folder,
                reportSampleInterval,
                tls,
                validate,
                retries,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withReportSampleInterval(Duration d) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                httpTimeout,
                folder,
                d,
                tls,
                validate,
                retries,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withTls(VenTls t) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                httpTimeout,
                folder,
                reportSampleInterval,
                t,
                validate,
                retries,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withValidate(boolean v) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                httpTimeout,
                folder,
                reportSampleInterval,
                tls,
                v,
                retries,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withRetries(int n) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                httpTimeout,
                folder,
                reportSampleInterval,
                tls,
                validate,
                n,
                pushUrl,
                xmlSignature);
    }

    public VenOptions withPushUrl(URI url) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                httpTimeout,
                folder,
                reportSampleInterval,
                tls,
                validate,
                retries,
                url,
                xmlSignature);
    }

    public VenOptions withXmlSignature(boolean on) {
        return new VenOptions(
                vtnUrl,
                venName,
                venId,
                pollInterval,
                httpTimeout,
                folder,
                reportSampleInterval,
                tls,
                validate,
                retries,
                pushUrl,
                on);
    }

    /** Whether the VTN pushes to the VEN rather than the VEN polling. */
    public boolean push() {
        return pushUrl != null;
    }

    /** The URL of one simpleHttp service, e.g. {@code OadrPoll}. */
    public URI service(String name) {
        String base = vtnUrl.toString();
        return URI.create(
                (base.endsWith("/") ? base : base + "/") + "OpenADR2/Simple/2.0b/" + name);
    }

    private static Duration positive(String field, Duration d, Duration fallback) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + d);
        }
        return d;
    }
}
