package io.gridshift.bench.codec;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecOptions;
import io.gridshift.openadr.examples.OadrExamples;
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
 * A VEN's hot path for events: unmarshal an oadrDistributeEvent with 24 one-hour intervals (with or
 * without schema validation) and marshal it again. Goals on one core: >= 20,000 msg/s validated, >=
 * 50,000 msg/s without validation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OadrDistributeEventBenchmark {

    @Param({"true", "false"})
    public boolean validate;

    private OadrCodec codec;
    private byte[] xml;

    @Setup
    public void setUp() {
        codec = new OadrCodec(OadrCodecOptions.DEFAULTS.withValidate(validate));
        // as a VTN sends it: compact, without the golden file's indentation and comments
        xml = codec.write(codec.readPayload(OadrExamples.bytes(OadrExamples.DISTRIBUTE_EVENT_24H)));
    }

    @Benchmark
    public byte[] unmarshalAndMarshal() {
        return codec.write(codec.readPayload(xml));
    }
}
