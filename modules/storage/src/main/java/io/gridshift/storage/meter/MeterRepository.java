package io.gridshift.storage.meter;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@code meter_intervals} table: one row per site and whole minute. A minute already stored is
 * kept and a second aggregate of it is dropped ({@code ON CONFLICT DO NOTHING}): that happens only
 * when a restart split a minute's telemetry, and the first part was committed.
 */
public final class MeterRepository {
    /** The one interval length the table holds. */
    public static final Duration MINUTE = Duration.ofMinutes(1);

    private static final String INSERT =
            "INSERT INTO meter_intervals (minute_utc, site_id, facility_kw, it_kw, samples)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final DataSource ds;

    public MeterRepository(DataSource ds) {
        this.ds = ds;
    }

    /** Writes 1-minute readings in one JDBC batch and one transaction. */
    public void insert(List<MeterReading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(
                ds,
                "meter batch of " + readings.size(),
                c -> {
                    insert(c, readings);
                    return null;
                });
    }

    static void insert(Connection c, List<MeterReading> readings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (MeterReading r : readings) {
                ps.setLong(1, minuteOf(r));
                ps.setString(2, r.site().value());
                ps.setDouble(3, r.facilityKw());
                ps.setDouble(4, r.itKw());
                ps.setInt(5, r.samples());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long minuteOf(MeterReading r) {
        if (!r.interval().equals(MINUTE)) {
            throw new InvalidFieldException(
                    "interval", "range", r.interval(), "must be PT1M for meter_intervals");
        }
        long s = r.start().getEpochSecond();
        if (s % 60 != 0 || r.start().getNano() != 0) {
            throw new InvalidFieldException(
                    "start", "pattern", r.start(), "must be at the start of a minute");
        }
        return s / 60;
    }

    /** One site's minutes in {@code [from, to)}, oldest first. */
    public List<MeterReading> read(SiteId site, Instant from, Instant to) {
        return Jdbc.withConnection(
                ds,
                "meter of " + site,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT minute_utc, facility_kw, it_kw, samples FROM"
                                            + " meter_intervals WHERE site_id = ? AND minute_utc >= ?"
                                            + " AND minute_utc < ? ORDER BY minute_utc")) {
                        ps.setString(1, site.value());
                        ps.setLong(2, Math.floorDiv(from.getEpochSecond(), 60));
                        ps.setLong(3, Math.floorDiv(to.getEpochSecond(), 60));
                        List<MeterReading> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(
                                        new MeterReading(
                                                site,
                                                Instant.ofEpochSecond(rs.getLong(1) * 60),
                                                MINUTE,
                                                rs.getDouble(2),
                                                rs.getDouble(3),
                                                rs.getInt(4)));
                            }
                        }
                        return out;
                    }
                });
    }

    /**
     * Mean facility kW per site and interval of {@code minutesPerInterval} minutes (aligned to the
     * epoch, so to whole hours for 1, 5, 15, 30 or 60) in {@code [from, to)}, grouped by the
     * database. Each value carries how many minutes were present.
     */
    public Map<SiteId, Map<Instant, IntervalLoad>> intervalMeans(
            Instant from, Instant to, int minutesPerInterval) {
        Check.range("minutesPerInterval", minutesPerInterval, 1, 60);
        String sql =
                "SELECT site_id, minute_utc / "
                        + minutesPerInterval
                        + " AS bucket, AVG(facility_kw), COUNT(*) FROM meter_intervals"
                        + " WHERE minute_utc >= ? AND minute_utc < ?"
                        + " GROUP BY site_id, minute_utc / "
                        + minutesPerInterval;
        return Jdbc.withConnection(
                ds,
                "meter intervals " + from + ".." + to,
                c -> {
                    Map<String, SiteId> ids = new HashMap<>();
                    Map<SiteId, Map<Instant, IntervalLoad>> out = new HashMap<>();
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, Math.floorDiv(from.getEpochSecond(), 60));
                        ps.setLong(2, Math.floorDiv(to.getEpochSecond(), 60));
                        ps.setFetchSize(10_000);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                SiteId site = ids.computeIfAbsent(rs.getString(1), SiteId::of);
                                Instant start =
                                        Instant.ofEpochSecond(
                                                rs.getLong(2) * minutesPerInterval * 60L);
                                out.computeIfAbsent(site, s -> new HashMap<>())
                                        .put(
                                                start,
                                                new IntervalLoad(rs.getDouble(3), rs.getInt(4)));
                            }
                        }
                    }
                    return out;
                });
    }

    /**
     * A settlement interval's mean load.
     *
     * @param kw mean facility kW over the minutes present
     * @param minutes how many 1-minute rows were present
     */
    public record IntervalLoad(double kw, int minutes) {}
}
