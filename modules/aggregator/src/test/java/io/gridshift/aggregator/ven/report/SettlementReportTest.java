package io.gridshift.aggregator.ven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.event.PowerAttributes;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.storage.settlement.EventSettlement;
import io.gridshift.storage.settlement.IntervalResult;
import io.gridshift.storage.settlement.SiteSettlement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrReportPayloadType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.openadr.oadr20b.ei.IntervalType;
import org.openadr.oadr20b.ei.PayloadFloatType;

/**
 * The settlement as an OpenADR HISTORY_USAGE report: figures summed by hand, and the documents
 * written and read back through the validating codec (the official 2.0b schemas).
 */
class SettlementReportTest {
    static final Instant T0 = Instant.parse("2026-07-15T14:00:00Z");
    final OadrCodec codec = new OadrCodec();

    @Test
    void theReportCarriesTheSettledSitesTotalsPerIntervalAndIsSchemaValid() {
        // GIVEN a 30-minute event settled in 15-minute intervals: A (baseline 1000, actual 800,
        // then 1000/900) and B (500/450, 500/400) settled, C without data
        EventSettlement s =
                new EventSettlement(
                        EventId.of("ev-9"),
                        3,
                        "http://grid.example/programs/summer",
                        "pjm-high-4-of-5",
                        T0.plusSeconds(7200),
                        List.of(
                                site("dc-a", SiteSettlement.SETTLED, 1000, 800, 1000, 900),
                                site("dc-b", SiteSettlement.SETTLED, 500, 450, 500, 400),
                                site("dc-c", SiteSettlement.INSUFFICIENT_DATA, 9, 9, 9, 9)));
        SettlementReport.Settled settled =
                new SettlementReport.Settled(s, T0, T0.plusSeconds(1800), Duration.ofMinutes(15));
        // WHEN it is written for the VTN's request rr-7 and read back through the codec
        OadrReportType report = SettlementReport.report("rr-7", settled, T0.plusSeconds(7200));
        OadrUpdateReportType update = new OadrUpdateReportType();
        update.setSchemaVersion("2.0b");
        update.setRequestID("req-u");
        update.setVenID("ven-1");
        update.getOadrReport().add(report);
        byte[] xml = codec.write(OadrMessages.payload(update));
        OadrReportType read =
                OadrMessages.body(
                                codec.readPayload(xml).getOadrSignedObject(),
                                OadrUpdateReportType.class)
                        .orElseThrow()
                        .getOadrReport()
                        .get(0);
        // THEN it names the event and request, spans the event, and sums A and B per interval:
        // 14:00 baseline 1500, actual 1250, delivered (250 kW x 0.25 h) 62.5 kWh; 14:15 baseline
        // 1500, actual 1300, delivered 50 kWh; C counts nothing
        assertThat(read.getEiReportID()).isEqualTo("settlement-ev-9-3");
        assertThat(read.getReportRequestID()).isEqualTo("rr-7");
        assertThat(read.getReportName()).isEqualTo("HISTORY_USAGE");
        assertThat(read.getReportSpecifierID()).isEqualTo(SettlementReport.SPECIFIER);
        assertThat(read.getDuration().getDuration()).isEqualTo("PT30M");
        List<IntervalType> intervals = read.getIntervals().getInterval();
        assertThat(intervals).hasSize(2);
        assertThat(values(intervals.get(0))).containsExactly(1500f, 1250f, 62.5f);
        assertThat(values(intervals.get(1))).containsExactly(1500f, 1300f, 50f);
        assertThat(intervals.get(1).getDtstart().getDateTime().toString())
                .isEqualTo("2026-07-15T14:15:00Z");
    }

    @Test
    void theMetadataRegistersTheSettlementAsAHistoryUsageReport() {
        var register =
                new FleetReportCatalog("fleet", PowerAttributes.EUROPE_400V)
                        .registerReport("ven-1", T0);
        String xml =
                new String(codec.write(OadrMessages.payload(register)), StandardCharsets.UTF_8);
        assertThat(xml)
                .contains(
                        "METADATA_HISTORY_USAGE",
                        SettlementReport.SPECIFIER,
                        SettlementReport.R_BASELINE,
                        SettlementReport.R_ACTUAL,
                        SettlementReport.R_DELIVERED,
                        ">deltaUsage<");
    }

    @Test
    void aVtnRequestForTheSettlementIsAStandingRequestNotAFleetSample() {
        ReportSchedule schedule = new ReportSchedule();
        ReportScheduleTest helper = new ReportScheduleTest();
        ReportSchedule.Accepted accepted =
                schedule.accept(
                        helper.create(
                                ReportScheduleTest.request(
                                        "rr-s",
                                        SettlementReport.SPECIFIER,
                                        "PT15M",
                                        "PT15M",
                                        null,
                                        SettlementReport.R_BASELINE,
                                        SettlementReport.R_DELIVERED),
                                ReportScheduleTest.request(
                                        "rr-bad",
                                        SettlementReport.SPECIFIER,
                                        "PT15M",
                                        "PT15M",
                                        null,
                                        "fleet-demand")),
                        T0);
        assertThat(accepted.accepted()).containsExactly("rr-s");
        assertThat(accepted.code()).isEqualTo(OadrResponseCode.INVALID_ID);
        assertThat(accepted.description())
                .contains("rID 'fleet-demand' is not in " + SettlementReport.SPECIFIER);
        assertThat(schedule.settlementRequests()).containsExactly("rr-s");
        assertThat(schedule.pending()).containsExactly("rr-s");
        // no fleet sampling for it, and nothing due from samples
        assertThat(schedule.isEmpty()).isTrue();
        assertThat(schedule.due(T0.plusSeconds(3600))).isEmpty();
        schedule.cancel(List.of("rr-s"), false, T0);
        assertThat(schedule.settlementRequests()).isEmpty();
    }

    static SiteSettlement site(
            String id, String status, double b0, double a0, double b1, double a1) {
        List<IntervalResult> intervals =
                List.of(
                        new IntervalResult(T0, b0, a0, (b0 - a0) * 0.25),
                        new IntervalResult(T0.plusSeconds(900), b1, a1, (b1 - a1) * 0.25));
        return new SiteSettlement(
                SiteId.of(id), status, null, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, intervals);
    }

    static List<Float> values(IntervalType interval) {
        return interval.getStreamPayloadBase().stream()
                .map(e -> (OadrReportPayloadType) e.getValue())
                .map(p -> ((PayloadFloatType) p.getPayloadBase().getValue()).getValue())
                .toList();
    }
}
