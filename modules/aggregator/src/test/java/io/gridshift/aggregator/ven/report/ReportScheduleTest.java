package io.gridshift.aggregator.ven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.event.PowerAttributes;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.openadr.message.OadrResponseCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrPayloadResourceStatusType;
import org.openadr.oadr20b.OadrReportPayloadType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.openadr.oadr20b.ei.IntervalType;
import org.openadr.oadr20b.ei.PayloadFloatType;

/**
 * The VEN's report requests, read from schema-valid {@code oadrCreateReport} documents, and the
 * {@code oadrUpdateReport} documents they produce, written through the validating codec.
 */
class ReportScheduleTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    final OadrCodec codec = new OadrCodec();
    final ReportSchedule schedule = new ReportSchedule();

    @Test
    void aPeriodicUsageRequestSendsTheMeanOfEachEndedIntervalAtEveryBackDuration() {
        // GIVEN demand and energy at 1 min granularity, sent every 2 min
        var accepted =
                schedule.accept(
                        create(
                                request(
                                        "rr-1",
                                        FleetReportCatalog.USAGE_SPECIFIER,
                                        "PT1M",
                                        "PT2M",
                                        null,
                                        "fleet-demand",
                                        "fleet-energy")),
                        T0);
        assertThat(accepted.code()).isEqualTo(OadrResponseCode.OK);
        assertThat(schedule.pending()).containsExactly("rr-1");

        // WHEN the fleet is sampled every 20 s: 1000, 1100, 1200 kW in the first minute,
        // 2000, 2000, 2300 kW in the second, 5000 kW at the start of the third
        double[] kw = {1000, 1100, 1200, 2000, 2000, 2300, 5000};
        for (int i = 0; i < kw.length; i++) {
            schedule.record(new FleetSample(T0.plusSeconds(20L * i), true, kw[i], 300));
        }
        assertThat(schedule.due(T0.plusSeconds(119))).isEmpty();
        List<OadrReportType> due = schedule.due(T0.plusSeconds(120));

        // THEN one report with two intervals: means 1100 and 2100 kW; energy = mean / 60 kWh
        assertThat(due).singleElement();
        OadrReportType report = due.get(0);
        assertThat(report.getReportRequestID()).isEqualTo("rr-1");
        assertThat(report.getReportName()).isEqualTo("TELEMETRY_USAGE");
        List<IntervalType> intervals = report.getIntervals().getInterval();
        assertThat(intervals).hasSize(2);
        assertThat(values(intervals.get(0))).containsEntry("fleet-demand", 1100f);
        assertThat(values(intervals.get(0)).get("fleet-energy")).isCloseTo(1100f / 60, within());
        assertThat(values(intervals.get(1))).containsEntry("fleet-demand", 2100f);
        assertThat(intervals.get(1).getDtstart().getDateTime().toString())
                .isEqualTo("2026-07-01T06:01:00Z");
        assertValid(due);

        // AND the 5000 kW sample waits for the next report, two minutes later
        schedule.record(new FleetSample(T0.plusSeconds(180), true, 3000, 300));
        List<OadrReportType> next = schedule.due(T0.plusSeconds(240));
        assertThat(next.get(0).getIntervals().getInterval())
                .extracting(i -> values(i).get("fleet-demand"))
                .containsExactly(5000f, 3000f);
    }

    @Test
    void aStatusReportCarriesTheLoadControlStateAndAOneShotIsSentOnce() {
        schedule.accept(
                create(
                        request(
                                "rr-s",
                                FleetReportCatalog.STATUS_SPECIFIER,
                                "PT0S",
                                "PT0S",
                                null,
                                "fleet-status")),
                T0);
        assertThat(schedule.due(T0)).as("no sample yet").isEmpty();

        schedule.record(new FleetSample(T0.plusSeconds(1), true, 2000, 300));
        List<OadrReportType> due = schedule.due(T0.plusSeconds(1));

        assertThat(due).singleElement();
        OadrPayloadResourceStatusType status =
                (OadrPayloadResourceStatusType)
                        payload(due.get(0).getIntervals().getInterval().get(0), 0)
                                .getPayloadBase()
                                .getValue();
        assertThat(status.isOadrOnline()).isTrue();
        assertThat(status.getOadrLoadControlState().getOadrCapacity().getOadrCurrent())
                .isEqualTo(2000f);
        assertThat(status.getOadrLoadControlState().getOadrCapacity().getOadrMin())
                .isEqualTo(1700f);
        assertValid(due);
        assertThat(schedule.pending()).isEmpty();
        assertThat(schedule.due(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void aRequestWithAReportIntervalStopsAtItsEnd() {
        schedule.accept(
                create(
                        request(
                                "rr-e",
                                FleetReportCatalog.USAGE_SPECIFIER,
                                "PT1M",
                                "PT1M",
                                "PT2M",
                                "fleet-demand")),
                T0);
        for (int s = 0; s < 240; s += 30) {
            schedule.record(new FleetSample(T0.plusSeconds(s), true, 1000 + s, 0));
        }
        assertThat(schedule.due(T0.plusSeconds(60))).hasSize(1);
        assertThat(schedule.due(T0.plusSeconds(120))).hasSize(1);
        assertThat(schedule.pending()).isEmpty();
    }

    @Test
    void cancellingWithAReportToFollowSendsTheDataSoFar() {
        schedule.accept(
                create(
                        request(
                                "rr-c",
                                FleetReportCatalog.USAGE_SPECIFIER,
                                "PT1M",
                                "PT15M",
                                null,
                                "fleet-demand")),
                T0);
        schedule.record(new FleetSample(T0.plusSeconds(10), true, 900, 0));
        schedule.record(new FleetSample(T0.plusSeconds(70), true, 1300, 0));

        List<OadrReportType> last =
                schedule.cancel(List.of("rr-c", "unknown"), true, T0.plusSeconds(80));

        assertThat(last.get(0).getIntervals().getInterval())
                .extracting(i -> values(i).get("fleet-demand"))
                .containsExactly(900f, 1300f);
        assertThat(schedule.pending()).isEmpty();
    }

    @Test
    void requestsThisVenCannotCarryOutAreRefusedWithTheFieldAndTheRuleAndTheOthersKept() {
        var accepted =
                schedule.accept(
                        create(
                                request(
                                        "rr-ok",
                                        FleetReportCatalog.USAGE_SPECIFIER,
                                        "PT1M",
                                        "PT5M",
                                        null,
                                        "fleet-demand"),
                                request(
                                        "rr-spec",
                                        "SOMEONE_ELSES",
                                        "PT1M",
                                        "PT5M",
                                        null,
                                        "fleet-demand"),
                                request(
                                        "rr-rid",
                                        FleetReportCatalog.USAGE_SPECIFIER,
                                        "PT1M",
                                        "PT5M",
                                        null,
                                        "fleet-status"),
                                request(
                                        "rr-fast",
                                        FleetReportCatalog.USAGE_SPECIFIER,
                                        "PT1S",
                                        "PT5M",
                                        null,
                                        "fleet-demand"),
                                request(
                                        "rr-back",
                                        FleetReportCatalog.USAGE_SPECIFIER,
                                        "PT5M",
                                        "PT1M",
                                        null,
                                        "fleet-demand"),
                                request(
                                        "rr-meta",
                                        FleetReportCatalog.METADATA,
                                        "PT0S",
                                        "PT0S",
                                        null,
                                        "fleet-demand")),
                        T0);

        assertThat(accepted.code()).isEqualTo(OadrResponseCode.INVALID_ID);
        assertThat(accepted.accepted()).containsExactly("rr-ok");
        assertThat(accepted.metadataRequested()).isTrue();
        assertThat(accepted.description())
                .contains(
                        "oadrReportRequest[rr-spec].reportSpecifier.reportSpecifierID"
                                + " 'SOMEONE_ELSES' is not a report this VEN registered")
                .contains("rID 'fleet-status' is not in GRIDSHIFT_FLEET_TELEMETRY_USAGE")
                .contains("granularity PT1S is outside the sampling rate offered")
                .contains("reportBackDuration PT1M is shorter than the granularity PT5M");
    }

    @Test
    void theMetadataIsASchemaValidRegisterReport() {
        var register =
                new FleetReportCatalog("fleet", PowerAttributes.EUROPE_400V)
                        .registerReport("ven-1", T0);
        String xml =
                new String(codec.write(OadrMessages.payload(register)), StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("METADATA_TELEMETRY_USAGE", "METADATA_TELEMETRY_STATUS", "fleet-demand");
    }

    // --- helpers

    static String request(
            String id,
            String specifier,
            String granularity,
            String back,
            String length,
            String... rIds) {
        StringBuilder payloads = new StringBuilder();
        for (String rId : rIds) {
            payloads.append("<ei:specifierPayload><ei:rID>")
                    .append(rId)
                    .append(
                            "</ei:rID><ei:readingType>Direct Read</ei:readingType>"
                                    + "</ei:specifierPayload>");
        }
        String interval =
                length == null
                        ? ""
                        : "<ei:reportInterval><xcal:properties><xcal:dtstart><xcal:date-time>"
                                + T0
                                + "</xcal:date-time></xcal:dtstart><xcal:duration><xcal:duration>"
                                + length
                                + "</xcal:duration></xcal:duration></xcal:properties>"
                                + "</ei:reportInterval>";
        return "<oadr:oadrReportRequest><ei:reportRequestID>"
                + id
                + "</ei:reportRequestID>"
                + "<ei:reportSpecifier><ei:reportSpecifierID>"
                + specifier
                + "</ei:reportSpecifierID><xcal:granularity><xcal:duration>"
                + granularity
                + "</xcal:duration></xcal:granularity><ei:reportBackDuration><xcal:duration>"
                + back
                + "</xcal:duration></ei:reportBackDuration>"
                + interval
                + payloads
                + "</ei:reportSpecifier></oadr:oadrReportRequest>";
    }

    /** The requests of a schema-valid oadrCreateReport, read through the codec. */
    List<org.openadr.oadr20b.OadrReportRequestType> create(String... requests) {
        String xml =
                "<oadr:oadrPayload xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\""
                        + " xmlns:pyld=\"http://docs.oasis-open.org/ns/energyinterop/201110/payloads\""
                        + " xmlns:ei=\"http://docs.oasis-open.org/ns/energyinterop/201110\""
                        + " xmlns:xcal=\"urn:ietf:params:xml:ns:icalendar-2.0\">"
                        + "<oadr:oadrSignedObject><oadr:oadrCreateReport ei:schemaVersion=\"2.0b\">"
                        + "<pyld:requestID>req-1</pyld:requestID>"
                        + String.join("", requests)
                        + "<ei:venID>ven-1</ei:venID></oadr:oadrCreateReport>"
                        + "</oadr:oadrSignedObject></oadr:oadrPayload>";
        var payload = codec.readPayload(xml.getBytes(StandardCharsets.UTF_8));
        return OadrMessages.body(payload.getOadrSignedObject(), OadrCreateReportType.class)
                .orElseThrow()
                .getOadrReportRequest();
    }

    void assertValid(List<OadrReportType> reports) {
        OadrUpdateReportType update = new OadrUpdateReportType();
        update.setSchemaVersion("2.0b");
        update.setRequestID("req-u");
        update.setVenID("ven-1");
        update.getOadrReport().addAll(reports);
        assertThat(codec.write(OadrMessages.payload(update))).isNotEmpty();
    }

    static OadrReportPayloadType payload(IntervalType interval, int i) {
        return (OadrReportPayloadType) interval.getStreamPayloadBase().get(i).getValue();
    }

    static Map<String, Float> values(IntervalType interval) {
        return interval.getStreamPayloadBase().stream()
                .map(e -> (OadrReportPayloadType) e.getValue())
                .collect(
                        Collectors.toMap(
                                OadrReportPayloadType::getRID,
                                p ->
                                        ((PayloadFloatType) p.getPayloadBase().getValue())
                                                .getValue()));
    }

    static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1e-3f);
    }
}
