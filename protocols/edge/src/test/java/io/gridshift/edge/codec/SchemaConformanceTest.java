package io.gridshift.edge.codec;

import static io.gridshift.edge.codec.Gen.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.gridshift.edge.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas shipped for agent implementers describe what the codec writes: its output for
 * random messages (JSON, and CBOR read back as JSON) and the golden examples all validate, and the
 * schemas are not vacuous.
 */
class SchemaConformanceTest {
    private static final Map<Channel, Schema> SCHEMAS = load();

    static LongStream seeds() {
        return Gen.seeds();
    }

    /** Each seed draws a quarter of the messages; each message is written by both codecs. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void codecOutputValidatesAgainstItsChannelsSchema(long seed) {
        forAll(
                seed,
                75,
                MessageGen::message,
                message -> {
                    Channel channel = Channel.of(message);
                    for (EdgeCodec codec : List.of(EdgeCodec.json(), EdgeCodec.cbor())) {
                        byte[] wire = codec.encodeMessage(message);
                        String json =
                                codec.format() == EdgeFormat.CBOR
                                        ? cborAsJson(wire)
                                        : new String(wire, StandardCharsets.UTF_8);

                        assertThat(errors(channel, json)).as("%s: %s", codec, json).isEmpty();
                    }
                });
    }

    @Test
    void everyGoldenExampleValidates() {
        for (String name : Examples.ALL) {
            Channel channel = Channel.fromSegment(Examples.segment(name));
            assertThat(errors(channel, Examples.text(name))).as(name).isEmpty();
        }
    }

    @Test
    void everyChannelHasASchemaOnTheClasspath() {
        assertThat(SCHEMAS).containsOnlyKeys(Channel.values());
    }

    @Test
    void schemasRefuseWhatTheProtocolRefuses() {
        String telemetry = Examples.text("telemetry.json");
        assertThat(errors(Channel.TELEMETRY, telemetry.replace("\"v\":1", "\"v\":2"))).isNotEmpty();
        assertThat(errors(Channel.TELEMETRY, telemetry.replace("\"site\":\"dc-sh-01\",", "")))
                .isNotEmpty();
        assertThat(errors(Channel.TELEMETRY, telemetry.replace("dc-sh-01", "DC_SH"))).isNotEmpty();
        assertThat(errors(Channel.TELEMETRY, telemetry.replace("12040.5,\"itKw\"", "-1,\"itKw\"")))
                .isNotEmpty();
        assertThat(errors(Channel.TELEMETRY, telemetry.replace("\"seq\"", "\"sequence\"")))
                .isNotEmpty();
        String flex = Examples.text("flex.json");
        assertThat(errors(Channel.FLEX, flex.replace("\"THERMAL\"", "\"FLYWHEEL\""))).isNotEmpty();
        assertThat(errors(Channel.FLEX, flex.replace("\"rampS\": 120", "\"rampS\": 9000")))
                .isNotEmpty();
        String dispatch = Examples.text("dispatch.json");
        assertThat(
                        errors(
                                Channel.DISPATCH,
                                dispatch.replace("\"actions\": [", "\"actions\": [{},")))
                .isNotEmpty();
        assertThat(
                        errors(
                                Channel.ACK,
                                Examples.text("ack-rejected.json")
                                        .replaceAll(",\\s*\"reason\":\"[^\"]*\"", "")))
                .isNotEmpty();
        assertThat(errors(Channel.STATUS, Examples.text("status.json").replace("ONLINE", "AWAY")))
                .isNotEmpty();
    }

    private static List<Error> errors(Channel channel, String json) {
        return SCHEMAS.get(channel).validate(json, InputFormat.JSON);
    }

    /** CBOR re-expressed as JSON token by token, so the JSON Schema can judge its structure. */
    static String cborAsJson(byte[] cbor) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = new CBORFactory().createParser(cbor);
                JsonGenerator g = new JsonFactory().createGenerator(out)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    private static Map<Channel, Schema> load() {
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12,
                        b ->
                                b.schemaRegistryConfig(
                                        SchemaRegistryConfig.builder()
                                                .formatAssertionsEnabled(true)
                                                .build()));
        Map<Channel, Schema> schemas = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            byte[] text = Examples.resource(c.schemaResource());
            schemas.put(c, registry.getSchema(new ByteArrayInputStream(text)));
        }
        return schemas;
    }
}
