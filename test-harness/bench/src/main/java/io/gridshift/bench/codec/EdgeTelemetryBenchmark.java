package io.gridshift.bench.codec;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Edge telemetry on one core: decode + validate (the aggregator's ingest path) and encode (the
 * agent's). Goal: decode >= 1,000,000 msg/s for JSON and for CBOR.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EdgeTelemetryBenchmark {

    @Param({"JSON", "CBOR"})
    public String format;

    private EdgeCodec codec;
    private Telemetry telemetry;
    private byte[] payload;

    @Setup
    public void setUp() {
        codec = "CBOR".equals(format) ? EdgeCodec.cbor() : EdgeCodec.json();
        telemetry =
                new Telemetry(
                        SiteId.of("dc-sh-01"),
                        81234,
                        Instant.parse("2026-07-01T06:00:05.250Z"),
                        12040.5,
                        9550.0,
                        12040.5,
                        0,
                        92.0,
                        DispatchId.of("d-7f3a"));
        payload = codec.encode(telemetry);
    }

    @Benchmark
    public Telemetry decode() {
        return codec.decodeTelemetry(payload);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(telemetry);
    }
}
