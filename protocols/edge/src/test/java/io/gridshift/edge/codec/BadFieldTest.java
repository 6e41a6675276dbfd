package io.gridshift.edge.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad field of each message is refused, in JSON and in CBOR, with an {@link
 * InvalidFieldException} whose path, rule and message say what is wrong. Every case edits one
 * golden example, so the rest of the payload is known to be good.
 */
class BadFieldTest {

    @ParameterizedTest(name = "{0} {1}: {5} at {4}")
    @MethodSource("cases")
    void isRefusedNamingFieldAndRule(
            EdgeFormat format, String example, String from, String to, String field, String rule) {
        String json = Examples.text(example);
        assertThat(json).as("the edit must apply").contains(from);
        byte[] payload = Wire.as(format, json.replace(from, to));
        Channel channel = Channel.fromSegment(Examples.segment(example));

        InvalidFieldException e =
                catchThrowableOfType(
                        InvalidFieldException.class,
                        () ->
                                EdgeCodec.of(format, EdgeCodecOptions.defaults())
                                        .decode(channel, payload));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rule()).isEqualTo(rule);
        assertThat(e.reason()).isEqualTo(rule);
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(field + ": ").contains("(rule " + rule + ", got ");
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Object[] c : TABLE) {
            for (EdgeFormat format : EdgeFormat.values()) {
                Object[] args = new Object[c.length + 1];
                args[0] = format;
                System.arraycopy(c, 0, args, 1, c.length);
                all.add(Arguments.of(args));
            }
        }
        return all.stream();
    }

    /** example, text to replace, replacement, expected field path, expected rule. */
    private static final Object[][] TABLE = {
        // version
        {"telemetry.json", "\"v\":1,", "\"v\":2,", "v", "version"},
        {"telemetry.json", "\"v\":1,", "", "v", "version"},
        {"telemetry.json", "\"v\":1,", "\"v\":\"1\",", "v", "version"},
        {"flex.json", "\"v\": 1,", "\"v\": 1.5,", "v", "version"},
        // wrong types
        {
            "telemetry.json",
            "\"facilityKw\":12040.5",
            "\"facilityKw\":\"12040.5\"",
            "facilityKw",
            "type"
        },
        {"telemetry.json", "\"seq\":81234", "\"seq\":81234.5", "seq", "type"},
        {"telemetry.json", "\"site\":\"dc-sh-01\"", "\"site\":12", "site", "type"},
        {"telemetry.json", "\"ts\":\"2026-07-01T06:00:05Z\"", "\"ts\":1782885605", "ts", "type"},
        {
            "flex.json",
            "\"lossCurve\": [[0, 0.0], [800, 0.05], [1600, 0.18]]",
            "\"lossCurve\": \"steep\"",
            "resources[1].lossCurve",
            "type"
        },
        {"flex.json", "[800, 0.05]", "{\"kw\": 800}", "resources[1].lossCurve[1]", "type"},
        {"flex.json", "\"rampS\": 120", "\"rampS\": 1.5", "resources[3].rampS", "type"},
        {"flex.json", "\"resources\": [", "\"resources\": [[],", "resources[0]", "type"},
        {
            "dispatch.json",
            "\"actions\": [",
            "\"actions\": \"all\", \"later\": [",
            "actions",
            "type"
        },
        // missing and null
        {"telemetry.json", "\"itKw\":9550.0,", "", "itKw", "required"},
        {"telemetry.json", "\"itKw\":9550.0,", "\"itKw\":null,", "itKw", "required"},
        {"flex.json", "\"rampS\": 60,", "", "resources[0].rampS", "required"},
        {"flex.json", "\"kind\": \"DEFERRABLE_JOBS\", ", "", "resources[0].kind", "required"},
        {
            "flex.json",
            "\"maxDurationS\": 1800,",
            "\"maxDurationS\": null,",
            "resources[3].maxDurationS",
            "required"
        },
        {"flex.json", "\"dataGb\": 180, ", "", "resources[4].jobs[0].dataGb", "required"},
        {"dispatch.json", ", \"jobKw\": 320", "", "actions[2].jobKw", "required"},
        {
            "dispatch.json",
            "{\"kind\": \"REDUCE\", \"resource\": \"train\"",
            "{\"resource\": \"train\"",
            "actions[1].kind",
            "required"
        },
        {
            "ack-rejected.json",
            "\"reason\":\"battery ups would fall below its 50 % floor\",",
            "",
            "reason",
            "required"
        },
        {"status.json", "\"ts\":\"2026-07-01T05:50:00Z\",", "", "ts", "required"},
        // numbers out of range, absurd or not finite
        {"telemetry.json", "\"facilityKw\":12040.5", "\"facilityKw\":-1", "facilityKw", "range"},
        {"telemetry.json", "\"facilityKw\":12040.5", "\"facilityKw\":6e6", "facilityKw", "range"},
        {
            "telemetry.json",
            "\"facilityKw\":12040.5",
            "\"facilityKw\":1e400",
            "facilityKw",
            "finite"
        },
        {
            "telemetry.json",
            "\"batterySocPct\":92.0",
            "\"batterySocPct\":100.5",
            "batterySocPct",
            "range"
        },
        {"telemetry.json", "\"seq\":81234", "\"seq\":-1", "seq", "range"},
        {"telemetry.json", "\"seq\":81234", "\"seq\":99999999999999999999", "seq", "range"},
        {"flex.json", "[800, 0.05]", "[800, 1.5]", "resources[1].lossCurve[1][1]", "range"},
        {"flex.json", "[800, 0.05]", "[-800, 0.05]", "resources[1].lossCurve[1][0]", "range"},
        {"flex.json", "\"rampS\": 120", "\"rampS\": 9000", "resources[3].rampS", "range"},
        {
            "flex.json",
            "\"maxDurationS\": 14400",
            "\"maxDurationS\": 200000",
            "resources[0].maxDurationS",
            "range"
        },
        {"flex.json", "\"kw\": 320", "\"kw\": -5", "resources[4].jobs[0].kw", "range"},
        {"flex.json", "\"energyKwh\": 4000", "\"energyKwh\": 0", "resources[2].energyKwh", "range"},
        {
            "flex.json",
            "\"reboundFactor\": 1.0",
            "\"reboundFactor\": 3",
            "resources[0].reboundFactor",
            "range"
        },
        {
            "flex.json",
            "\"co2KgPerKwh\": 0.7",
            "\"co2KgPerKwh\": 70",
            "resources[5].co2KgPerKwh",
            "range"
        },
        {
            "flex.json",
            "\"maxReductionKw\": 1600",
            "\"maxReductionKw\": 1700",
            "resources[1].lossCurve",
            "range"
        },
        {
            "dispatch.json",
            "\"reductionKw\": 1500",
            "\"reductionKw\": -1500",
            "actions[0].reductionKw",
            "range"
        },
        {"dispatch.json", "\"revision\": 1,", "\"revision\": 0,", "revision", "range"},
        {
            "dispatch.json",
            "\"end\": \"2026-07-01T08:00:00Z\"",
            "\"end\": \"2026-07-03T08:00:00Z\"",
            "end",
            "range"
        },
        {"ack.json", "\"achievedKw\":1890.0", "\"achievedKw\":-9e9", "achievedKw", "range"},
        // ids, zones and text breaking their pattern
        {"telemetry.json", "\"site\":\"dc-sh-01\"", "\"site\":\"DC_SH\"", "site", "pattern"},
        {
            "telemetry.json",
            "\"activeDispatch\":null",
            "\"activeDispatch\":\"d 7\"",
            "activeDispatch",
            "pattern"
        },
        {"flex.json", "\"id\": \"ups\"", "\"id\": \"UPS\"", "resources[2].id", "pattern"},
        {"flex.json", "\"zone\": \"CN-SH\"", "\"zone\": \"cn-sh\"", "zone", "pattern"},
        {
            "flex.json",
            "[\"CN-GS\", \"CN-NM\"]",
            "[\"CN-GS\", \"cn\"]",
            "resources[4].jobs[0].allowedZones[1]",
            "pattern"
        },
        {
            "dispatch.json",
            "\"toSite\": \"dc-nm-02\"",
            "\"toSite\": \"NM\"",
            "actions[2].toSite",
            "pattern"
        },
        {
            "dispatch.json",
            "\"eventId\": \"ev-20260701-1\"",
            "\"eventId\": \"ev 1\"",
            "eventId",
            "pattern"
        },
        {
            "status.json",
            "\"agentVersion\":\"0.1.0\"",
            "\"agentVersion\":\"0.1\\u0007\"",
            "agentVersion",
            "pattern"
        },
        {
            "telemetry.json",
            "\"ts\":\"2026-07-01T06:00:05Z\"",
            "\"ts\":\"yesterday\"",
            "ts",
            "pattern"
        },
        {
            "telemetry.json",
            "\"ts\":\"2026-07-01T06:00:05Z\"",
            "\"ts\":\"2026-02-30T06:00:05Z\"",
            "ts",
            "pattern"
        },
        {
            "telemetry.json",
            "\"ts\":\"2026-07-01T06:00:05Z\"",
            "\"ts\":\"2026-07-01T06:00:05\"",
            "ts",
            "pattern"
        },
        {
            "ack.json",
            "\"reason\":null",
            "\"reason\":\"" + "x".repeat(300) + "\"",
            "reason",
            "length"
        },
        // unknown enum values
        {
            "flex.json",
            "\"kind\": \"THERMAL\"",
            "\"kind\": \"FLYWHEEL\"",
            "resources[3].kind",
            "enum"
        },
        {
            "dispatch.json",
            "\"kind\": \"MIGRATE_OUT\"",
            "\"kind\": \"PAUSE\"",
            "actions[2].kind",
            "enum"
        },
        {"ack.json", "\"status\":\"ACTIVE\"", "\"status\":\"DONE\"", "status", "enum"},
        {"status.json", "\"status\":\"ONLINE\"", "\"status\":\"AWAY\"", "status", "enum"},
        // duplicates
        {
            "telemetry.json",
            "\"seq\":81234,",
            "\"seq\":81234,\"site\":\"dc-sh-02\",",
            "site",
            "duplicate"
        },
        {"telemetry.json", "\"seq\":81234,", "\"x\":1,\"seq\":81234,\"x\":[2],", "x", "duplicate"},
        {
            "flex.json",
            "\"id\": \"chw\",",
            "\"id\": \"chw\", \"id\": \"chw2\",",
            "resources[3].id",
            "duplicate"
        },
        {"flex.json", "\"id\": \"chw\"", "\"id\": \"ups\"", "resources[3].id", "unique"},
        {
            "flex.json",
            "[\"CN-GS\", \"CN-NM\"]",
            "[\"CN-GS\", \"CN-GS\"]",
            "resources[4].jobs[0].allowedZones[1]",
            "unique"
        },
        // rules across fields
        {"flex.json", "[1600, 0.18]", "[700, 0.18]", "resources[1].lossCurve[2]", "order"},
        {
            "flex.json",
            "\"validUntil\": \"2026-07-01T06:00:00Z\"",
            "\"validUntil\": \"2026-07-01T05:00:00Z\"",
            "validUntil",
            "order"
        },
        {
            "dispatch.json",
            "\"end\": \"2026-07-01T08:00:00Z\"",
            "\"end\": \"2026-07-01T05:00:00Z\"",
            "end",
            "order"
        },
        // list sizes
        {"flex.json", "[800, 0.05]", "[800, 0.05, 3]", "resources[1].lossCurve[1][2]", "size"},
        {"flex.json", "[800, 0.05]", "[800]", "resources[1].lossCurve[1]", "size"},
        {
            "flex.json",
            "[[0, 0.0], [800, 0.05], [1600, 0.18]]",
            "[[0, 0.0]]",
            "resources[1].lossCurve",
            "size"
        },
        {
            "dispatch-migrate-in.json",
            "{\"kind\": \"MIGRATE_IN\", \"job\": \"train-42\", \"fromSite\": \"dc-sh-01\", \"jobKw\": 320}",
            "",
            "actions",
            "size"
        },
        // rebound limits
        {
            "dispatch-rebound.json",
            "\"resource\": \"batch\", \"stepS\": 60",
            "\"resource\": \"batch\", \"stepS\": 0",
            "actions[0].stepS",
            "range"
        },
        {
            "dispatch-rebound.json",
            "\"resource\": \"batch\", \"stepS\": 60",
            "\"resource\": \"batch\", \"stepS\": 3601",
            "actions[0].stepS",
            "range"
        },
        {
            "dispatch-rebound.json",
            "\"resource\": \"batch\", \"stepS\": 60",
            "\"resource\": \"batch\", \"stepS\": 1.5",
            "actions[0].stepS",
            "type"
        },
        {
            "dispatch-rebound.json",
            "\"resource\": \"batch\", \"stepS\": 60",
            "\"stepS\": 60",
            "actions[0].resource",
            "required"
        },
        {
            "dispatch-rebound.json",
            "[300, 300, 300, 300, 450, 450]",
            "[]",
            "actions[0].maxAddedKw",
            "size"
        },
        {
            "dispatch-rebound.json",
            "[300, 300, 300, 300, 450, 450]",
            "[300, -5]",
            "actions[0].maxAddedKw[1]",
            "range"
        },
        {
            "dispatch-rebound.json",
            "[300, 300, 300, 300, 450, 450]",
            "[300, \"x\"]",
            "actions[0].maxAddedKw[1]",
            "type"
        },
        {
            "dispatch-rebound.json",
            "[300, 300, 300, 300, 450, 450]",
            "300",
            "actions[0].maxAddedKw",
            "type"
        },
        {
            "dispatch-rebound.json",
            "[200, 200, 200, 200, 300, 300]",
            "[200, 200, 200, 200, 300, 300], \"stepS\": 30",
            "actions[1].stepS",
            "duplicate"
        },
        // jobs
        {"jobs.json", "\"durationS\":10800,", "", "jobs[0].durationS", "required"},
        {
            "jobs.json",
            "\"durationS\":10800,",
            "\"durationS\":10800,\"remainingKwh\":5,",
            "jobs[0].remainingKwh",
            "exclusive"
        },
        {
            "jobs.json",
            "\"interruptible\":true",
            "\"interruptible\":\"yes\"",
            "jobs[0].interruptible",
            "type"
        },
        {
            "jobs.json",
            "\"deadline\":\"2026-07-01T18:00:00Z\"",
            "\"deadline\":\"2026-07-01T07:00:00Z\"",
            "jobs[0].deadline",
            "order"
        },
        {"jobs.json", "\"class\":\"batch\"", "\"class\":\"Batch\"", "jobs[0].class", "pattern"},
        {
            "jobs.json",
            "\"remainingKwh\":2880.0",
            "\"remainingKwh\":0",
            "jobs[1].remainingKwh",
            "range"
        },
        {"jobs.json", "\"id\":\"train-42\"", "\"id\":\"etl-881\"", "jobs[1].id", "unique"},
        {"jobs.json", "\"seq\":412", "\"seq\":-1", "seq", "range"},
        // plan
        {"plan.json", "\"slotS\":900", "\"slotS\":90", "slotS", "range"},
        {"plan.json", "\"slotS\":900", "\"slotS\":7200", "slotS", "range"},
        {"plan.json", "\"version\":3", "\"version\":0", "version", "range"},
        {
            "plan.json",
            "\"validUntil\":\"2026-07-02T06:00:00Z\"",
            "\"validUntil\":\"2026-07-04T06:00:00Z\"",
            "validUntil",
            "range"
        },
        {
            "plan.json",
            "\"validUntil\":\"2026-07-02T06:00:00Z\"",
            "\"validUntil\":\"2026-07-01T06:00:00Z\"",
            "validUntil",
            "order"
        },
        {"plan.json", "\"action\":\"RUN\"", "\"action\":\"WAIT\"", "jobs[0].action", "enum"},
        {"plan.json", "[24,25,26,27,", "[25,24,26,27,", "jobs[0].slots[1]", "order"},
        {"plan.json", "[24,25,26,27,36,37,38,39,40,41,42,43]", "[24,96]", "jobs[0].slots", "range"},
        {
            "plan.json",
            "\"slots\":[24,25,26,27,36,37,38,39,40,41,42,43],",
            "\"slots\":[],",
            "jobs[0].slots",
            "size"
        },
        {"plan.json", ",\"peer\":\"dc-gs-02\"", "", "jobs[1].peer", "required"},
        {
            "plan.json",
            "\"action\":\"RUN\"",
            "\"action\":\"RUN\",\"peer\":\"dc-x\"",
            "jobs[0].peer",
            "forbidden"
        },
        {"plan.json", "\"planId\":\"p-20260701\"", "\"planId\":\"P 1\"", "planId", "pattern"},
        // plan-ack
        {"plan-ack.json", "\"status\":\"PARTIAL\"", "\"status\":\"MAYBE\"", "status", "enum"},
        {
            "plan-ack.json",
            "\"reason\":\"deadline:",
            "\"reason\":\"\\u0007deadline:",
            "rejected[0].reason",
            "pattern"
        },
        {"plan-ack.json", "\"rejected\":[{", "\"rejected\":[],\"x\":[{", "rejected", "size"},
    };
}
