package io.gridshift.aggregator.ven.report;

import io.gridshift.openadr.event.OadrUnits;
import io.gridshift.openadr.event.PowerAttributes;
import io.gridshift.openadr.event.XcalTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrReportDescriptionType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.OadrSamplingRateType;
import org.openadr.oadr20b.ei.EiTargetType;

/**
 * The reports the aggregator's VEN offers its VTN, for the fleet as one resource: {@code
 * TELEMETRY_USAGE} with the energy used per interval ({@value #R_ENERGY}, kWh), the demand ({@value
 * #R_DEMAND}, kW), and, for the events under way, the fleet's baseline ({@value #R_BASELINE}, kW:
 * its load plus what the events take off it) and that reduction ({@value #R_REDUCTION}, kW, as the
 * closed loops measure it; 0 between events), and {@code TELEMETRY_STATUS} ({@value #R_STATUS})
 * with the fleet's load-control state: online, and its capacity now (current load, the lowest load
 * it can reach with the flexibility available, and the normal load). They are registered with
 * {@code oadrRegisterReport} as METADATA reports.
 */
public final class FleetReportCatalog {
    public static final String USAGE_SPECIFIER = "GRIDSHIFT_FLEET_TELEMETRY_USAGE";
    public static final String STATUS_SPECIFIER = "GRIDSHIFT_FLEET_TELEMETRY_STATUS";

    /** The report specifier a VTN asks for to get the METADATA again. */
    public static final String METADATA = "METADATA";

    public static final String R_ENERGY = "fleet-energy";
    public static final String R_DEMAND = "fleet-demand";
    public static final String R_STATUS = "fleet-status";
    public static final String R_BASELINE = "fleet-baseline";
    public static final String R_REDUCTION = "fleet-reduction";

    /** The shortest granularity offered: finer than the aggregator's own telemetry is noise. */
    public static final Duration MIN_PERIOD = Duration.ofSeconds(10);

    /** The longest granularity offered. */
    public static final Duration MAX_PERIOD = Duration.ofHours(1);

    private static final String SCHEMA_VERSION = "2.0b";

    /** What a data point measures. */
    public enum Kind {
        ENERGY,
        DEMAND,
        BASELINE,
        REDUCTION,
        STATUS
    }

    /**
     * One data point of a report.
     *
     * @param rId its id in the report
     * @param specifierId the report it belongs to
     * @param kind what it measures
     */
    public record Point(String rId, String specifierId, Kind kind) {}

    static final List<Point> POINTS =
            List.of(
                    new Point(R_ENERGY, USAGE_SPECIFIER, Kind.ENERGY),
                    new Point(R_DEMAND, USAGE_SPECIFIER, Kind.DEMAND),
                    new Point(R_BASELINE, USAGE_SPECIFIER, Kind.BASELINE),
                    new Point(R_REDUCTION, USAGE_SPECIFIER, Kind.REDUCTION),
                    new Point(R_STATUS, STATUS_SPECIFIER, Kind.STATUS));

    private final String resourceId;
    private final PowerAttributes grid;

    /**
     * @param resourceId the resource the reports describe (the fleet's name at the VTN)
     * @param grid the grid's power attributes, written with every power item
     */
    public FleetReportCatalog(String resourceId, PowerAttributes grid) {
        this.resourceId = resourceId;
        this.grid = grid;
    }

    /** The point with this rID; empty for one this VEN does not offer. */
    public static Optional<Point> point(String rId) {
        return POINTS.stream().filter(p -> p.rId().equals(rId)).findFirst();
    }

    /** Whether this VEN offers the report {@code specifierId}. */
    public static boolean offers(String specifierId) {
        return USAGE_SPECIFIER.equals(specifierId)
                || STATUS_SPECIFIER.equals(specifierId)
                || SettlementReport.SPECIFIER.equals(specifierId);
    }

    /** The report's name in data reports, e.g. {@code TELEMETRY_USAGE}. */
    static String reportName(String specifierId) {
        return USAGE_SPECIFIER.equals(specifierId) ? "TELEMETRY_USAGE" : "TELEMETRY_STATUS";
    }

    /** The {@code oadrRegisterReport} that tells the VTN what this VEN can report. */
    public OadrRegisterReportType registerReport(String venId, Instant now) {
        OadrRegisterReportType register = new OadrRegisterReportType();
        register.setSchemaVersion(SCHEMA_VERSION);
        register.setRequestID(UUID.randomUUID().toString());
        register.setVenID(venId);
        register.getOadrReport().add(metadata(USAGE_SPECIFIER, now));
        register.getOadrReport().add(metadata(STATUS_SPECIFIER, now));
        register.getOadrReport().add(SettlementReport.metadata(resourceId, grid, now));
        return register;
    }

    private OadrReportType metadata(String specifierId, Instant now) {
        OadrReportType report = new OadrReportType();
        report.setEiReportID(UUID.randomUUID().toString());
        report.setReportRequestID("0");
        report.setReportSpecifierID(specifierId);
        report.setReportName("METADATA_" + reportName(specifierId));
        report.setCreatedDateTime(XcalTime.dateTime(now));
        for (Point p : POINTS) {
            if (p.specifierId().equals(specifierId)) {
                report.getOadrReportDescription().add(description(p));
            }
        }
        return report;
    }

    private OadrReportDescriptionType description(Point p) {
        OadrReportDescriptionType d = new OadrReportDescriptionType();
        d.setRID(p.rId());
        EiTargetType source = new EiTargetType();
        source.getResourceID().add(resourceId);
        d.setReportDataSource(source);
        switch (p.kind()) {
            case ENERGY -> {
                d.setReportType("usage");
                d.setItemBase(OadrUnits.item("kWh", grid));
                d.setReadingType("Summed");
            }
            case DEMAND -> {
                d.setReportType("demand");
                d.setItemBase(OadrUnits.item("kW", grid));
                d.setReadingType("Mean");
            }
            case BASELINE -> {
                d.setReportType("baseline");
                d.setItemBase(OadrUnits.item("kW", grid));
                d.setReadingType("Estimated");
            }
            case REDUCTION -> {
                d.setReportType("deltaDemand");
                d.setItemBase(OadrUnits.item("kW", grid));
                d.setReadingType("Mean");
            }
            default -> {
                d.setReportType("x-resourceStatus");
                d.setReadingType("x-notApplicable");
            }
        }
        OadrSamplingRateType rate = new OadrSamplingRateType();
        rate.setOadrMinPeriod(XcalTime.text(MIN_PERIOD));
        rate.setOadrMaxPeriod(XcalTime.text(MAX_PERIOD));
        rate.setOadrOnChange(false);
        d.setOadrSamplingRate(rate);
        return d;
    }
}
