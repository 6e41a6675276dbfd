package io.gridshift.aggregator.coap;

import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Edge protocol messages for the tests, as JSON text, timed around now. */
final class Messages {
    private Messages() {}

    static String telemetry(String site, long seq) {
        return """
                {"v":1,"site":"%s","seq":%d,"ts":"%s","facilityKw":1200.5,"itKw":950.0,\
                "gridImportKw":1200.5,"onsiteGenKw":0}"""
                .formatted(site, seq, now());
    }

    static String flex(String site) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"v":1,"site":"%s","ts":"%s","validUntil":"%s","zone":"DE","baselineKw":1200,\
                "hostingCapacityKw":0,"resources":[{"id":"batch","kind":"DEFERRABLE_JOBS",\
                "maxReductionKw":300,"maxDurationS":7200,"rampS":0,"costPerKwh":0.01,\
                "reboundFactor":1.0}]}"""
                .formatted(site, now, now.plus(10, ChronoUnit.MINUTES));
    }

    static String status(String site) {
        return """
                {"v":1,"site":"%s","status":"ONLINE","ts":"%s","agentVersion":"test"}"""
                .formatted(site, now());
    }

    static String ack(String site, String dispatchId, String status) {
        return """
                {"v":1,"dispatchId":"%s","revision":1,"site":"%s","status":"%s","ts":"%s"}"""
                .formatted(dispatchId, site, status, now());
    }

    /** An order to reduce the {@code batch} resource by 100 kW, from in a minute for an hour. */
    static DispatchOrder order(String site, String dispatchId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String json =
                """
                {"v":1,"dispatchId":"%s","revision":1,"site":"%s","issuedAt":"%s",\
                "start":"%s","end":"%s",\
                "actions":[{"kind":"REDUCE","resource":"batch","reductionKw":100}]}"""
                        .formatted(
                                dispatchId,
                                site,
                                now,
                                now.plus(1, ChronoUnit.MINUTES),
                                now.plus(61, ChronoUnit.MINUTES));
        return EdgeCodec.json().decodeDispatch(bytes(json));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
