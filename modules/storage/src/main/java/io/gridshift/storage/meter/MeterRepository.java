package io.gridshift.storage.meter;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.baseline.Window;
import io.gridshift.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The {@code meter_intervals} table: one row per site and whole minute. A minute already stored is
 * kept and a second aggregate of it is dropped ({@code ON CONFLICT DO NOTHING}): that happens only
 * when a restart split a minute's telemetry, and the first part was committed. The quarter-hour
 * rollup ({@code meter_quarter_hours}) is brought up to date for the quarters written since, when a
 * quarter closes or before it is read ({@link QuarterHours}).
 */
public final class MeterRepository {
    /** The one interval length the table holds. */
    public static final Duration MINUTE = Duration.ofMinutes(1);

    private static final String INSERT_HEAD =
            "INSERT INTO meter_intervals (minute_utc, site_id, facility_kw, it_kw, samples) VALUES ";
    private static final String INSERT_TAIL = " ON CONFLICT DO NOTHING";

    /**
     * Minute rows per multi-row INSERT: far fewer round trips than one per row, on H2 as on
     * PostgreSQL, and well under PostgreSQL's 65,535 bind parameters.
     */
    static final int ROWS_PER_STATEMENT = 500;

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

    /**
     * Inserts the minutes in statements of up to {@link #ROWS_PER_STATEMENT} rows and marks the
     * quarter hours they fall in ({@code meter_dirty_quarters}), in the caller's transaction. The
     * rollup of a marked quarter is recomputed before anything reads it ({@link #rollUp}).
     */
    static void insert(Connection c, List<MeterReading> readings) throws SQLException {
        long[] minutes = new long[readings.size()];
        SortedSet<Long> quarters = new TreeSet<>();
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = minuteOf(readings.get(i));
            quarters.add(QuarterHours.quarterOf(minutes[i]));
        }
        for (int from = 0; from < readings.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(readings.size(), from + ROWS_PER_STATEMENT);
            insertMinutes(c, readings.subList(from, to), Arrays.copyOfRange(minutes, from, to));
        }
        boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        QuarterHours.mark(c, quarters, postgres);
    }

    /** Inserts {@code rows} in one multi-row statement. */
    private static void insertMinutes(Connection c, List<MeterReading> rows, long[] minutes)
            throws SQLException {
        StringBuilder sql = new StringBuilder(INSERT_HEAD);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        }
        sql.append(INSERT_TAIL);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < rows.size(); i++) {
                MeterReading r = rows.get(i);
                ps.setLong(p++, minutes[i]);
                ps.setString(p++, r.site().value());
                ps.setDouble(p++, r.facilityKw());
                ps.setDouble(p++, r.itKw());
                ps.setInt(p++, r.samples());
            }
            ps.executeUpdate();
        }
    }

    /**
     * Rolls up the marked quarter hours that end at or before {@code before} (all written minutes
     * of them, by every writer that committed). The meter writer calls it when it has written a
     * quarter's last minutes; readers call it for what they read. Returns the quarters rolled up.
     */
    public int rollUp(Instant before) {
        long toQuarter = QuarterHours.quarterOf(Math.floorDiv(before.getEpochSecond(), 60));
        return Jdbc.inTransaction(
                ds,
                "quarter-hour rollup before " + before,
                c -> QuarterHours.rollUpDirty(c, Long.MIN_VALUE, toQuarter));
    }

    /**
     * Rebuilds {@code meter_quarter_hours} for the quarter hours in {@code [from, to)} (rounded out
     * to whole quarters) from the minute rows: for minute rows written around the repository (bulk
     * loads, repairs). Returns the rollup rows written.
     */
    public int rebuildQuarterHours(Instant from, Instant to) {
        long fromQuarter = QuarterHours.quarterOf(Math.floorDiv(from.getEpochSecond(), 60));
        long toQuarter = QuarterHours.quarterOf(Math.floorDiv(to.getEpochSecond() - 1, 60)) + 1;
        return Jdbc.inTransaction(
                ds,
                "rebuild quarter hours " + from + ".." + to,
                c -> QuarterHours.rebuild(c, fromQuarter, toQuarter));
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
     * database. Each value carries how many minutes were present. When the interval is a multiple
     * of 15 minutes and {@code from} and {@code to} fall on quarter hours, it is read from the
     * quarter-hour rollup (a fifteenth of the rows); otherwise from the minute rows. Both give the
     * same means, up to the order in which the database adds the same numbers.
     */
    public Map<SiteId, Map<Instant, IntervalLoad>> intervalMeans(
            Instant from, Instant to, int minutesPerInterval) {
        return intervalMeans(List.of(new Window(from, to)), minutesPerInterval);
    }

    /**
     * {@link #intervalMeans(Instant, Instant, int)} over several windows, on one connection: one
     * query per window, from the rollup where it can be.
     */
    public Map<SiteId, Map<Instant, IntervalLoad>> intervalMeans(
            List<Window> windows, int minutesPerInterval) {
        Map<SiteId, Map<Instant, IntervalLoad>> out = new HashMap<>();
        forEachMean(windows, minutesPerInterval, collect(out));
        return out;
    }

    /**
     * Hands each site's mean per interval over {@code windows} to {@code sink} as the rows arrive,
     * without building maps: what settlement and the accuracy report read (hundreds of thousands of
     * intervals). Same sources and figures as {@link #intervalMeans(List, int)}.
     */
    public void forEachMean(List<Window> windows, int minutesPerInterval, MeanSink sink) {
        Check.range("minutesPerInterval", minutesPerInterval, 1, 60);
        List<long[]> quarters = new ArrayList<>();
        for (Window w : windows) {
            long fromMinute = Math.floorDiv(w.from().getEpochSecond(), 60);
            long toMinute = Math.floorDiv(w.to().getEpochSecond(), 60);
            if (minutesPerInterval % QuarterHours.MINUTES == 0
                    && fromMinute % QuarterHours.MINUTES == 0
                    && toMinute % QuarterHours.MINUTES == 0) {
                quarters.add(
                        new long[] {
                            fromMinute / QuarterHours.MINUTES, toMinute / QuarterHours.MINUTES
                        });
            } else {
                means(
                        minuteSql(minutesPerInterval),
                        List.of(new long[] {fromMinute, toMinute}),
                        minutesPerInterval,
                        false,
                        sink);
            }
        }
        if (!quarters.isEmpty()) {
            rollUpDirty(quarters);
            int perInterval = minutesPerInterval / QuarterHours.MINUTES;
            String sql =
                    perInterval == 1
                            ? "SELECT site_id, quarter_utc, facility_kw_sum, minutes FROM"
                                    + " meter_quarter_hours WHERE quarter_utc >= ? AND"
                                    + " quarter_utc < ?"
                            : "SELECT site_id, quarter_utc / "
                                    + perInterval
                                    + ", SUM(facility_kw_sum), SUM(minutes) FROM"
                                    + " meter_quarter_hours WHERE quarter_utc >= ? AND"
                                    + " quarter_utc < ? GROUP BY site_id, quarter_utc / "
                                    + perInterval;
            means(sql, quarters, minutesPerInterval, true, sink);
        }
    }

    /**
     * Energy per site and UTC hour in {@code [from, to)} (both on the hour), from the quarter-hour
     * rollup (brought up to date first, like every reader): the sum of the stored minutes' facility
     * kW / 60, with how many minutes were stored. Hours without a stored minute are absent. {@code
     * site}: that site only; {@code null}: every site.
     */
    public Map<SiteId, Map<Instant, HourlyEnergy>> hourlyEnergy(
            Instant from, Instant to, SiteId site) {
        for (Instant t : new Instant[] {from, to}) {
            if (t.getEpochSecond() % 3600 != 0 || t.getNano() != 0) {
                throw new InvalidFieldException("from/to", "pattern", t, "must be on the hour");
            }
        }
        Map<SiteId, Map<Instant, HourlyEnergy>> out = new HashMap<>();
        forEachMean(
                List.of(new Window(from, to)),
                60,
                (id, start, kw, minutes) -> {
                    if (site == null || site.value().equals(id)) {
                        out.computeIfAbsent(SiteId.of(id), s -> new HashMap<>())
                                .put(
                                        Instant.ofEpochSecond(start),
                                        new HourlyEnergy(kw * minutes / 60, minutes));
                    }
                });
        return out;
    }

    private static MeanSink collect(Map<SiteId, Map<Instant, IntervalLoad>> out) {
        Map<String, SiteId> ids = new HashMap<>();
        return (site, startSecond, kw, minutes) ->
                out.computeIfAbsent(ids.computeIfAbsent(site, SiteId::of), s -> new HashMap<>())
                        .put(Instant.ofEpochSecond(startSecond), new IntervalLoad(kw, minutes));
    }

    /** Brings the rollup up to date for the quarters about to be read. */
    private void rollUpDirty(List<long[]> quarters) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (long[] q : quarters) {
            from = Math.min(from, q[0]);
            to = Math.max(to, q[1]);
        }
        long fromQuarter = from;
        long toQuarter = to;
        Jdbc.inTransaction(
                ds,
                "quarter-hour rollup of " + fromQuarter + ".." + toQuarter,
                c -> QuarterHours.rollUpDirty(c, fromQuarter, toQuarter));
    }

    private static String minuteSql(int minutesPerInterval) {
        return "SELECT site_id, minute_utc / "
                + minutesPerInterval
                + " AS bucket, AVG(facility_kw), COUNT(*) FROM meter_intervals"
                + " WHERE minute_utc >= ? AND minute_utc < ?"
                + " GROUP BY site_id, minute_utc / "
                + minutesPerInterval;
    }

    /** {@link #intervalMeans} from the minute rows alone; tests compare the rollup with it. */
    Map<SiteId, Map<Instant, IntervalLoad>> minuteMeans(
            long fromMinute, long toMinute, int minutesPerInterval) {
        Map<SiteId, Map<Instant, IntervalLoad>> out = new HashMap<>();
        means(
                minuteSql(minutesPerInterval),
                List.of(new long[] {fromMinute, toMinute}),
                minutesPerInterval,
                false,
                collect(out));
        return out;
    }

    private void means(
            String sql, List<long[]> ranges, int minutesPerInterval, boolean sums, MeanSink sink) {
        Jdbc.withConnection(
                ds,
                "meter intervals " + ranges.size() + " windows",
                c -> {
                    long seconds = minutesPerInterval * 60L;
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        // one range scan of the primary key per window
                        for (long[] r : ranges) {
                            ps.setLong(1, r[0]);
                            ps.setLong(2, r[1]);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    int minutes = rs.getInt(4);
                                    double kw = sums ? rs.getDouble(3) / minutes : rs.getDouble(3);
                                    sink.accept(
                                            rs.getString(1), rs.getLong(2) * seconds, kw, minutes);
                                }
                            }
                        }
                    }
                    return null;
                });
    }

    /**
     * A settlement interval's mean load.
     *
     * @param kw mean facility kW over the minutes present
     * @param minutes how many 1-minute rows were present
     */
    public record IntervalLoad(double kw, int minutes) {}

    /**
     * A site's energy in one hour.
     *
     * @param kwh the stored minutes' facility kW summed / 60
     * @param minutes how many 1-minute rows were stored (60: the whole hour)
     */
    public record HourlyEnergy(double kwh, int minutes) {}

    /** Takes one site's mean load over one interval. */
    @FunctionalInterface
    public interface MeanSink {
        /**
         * @param site the site's id as stored
         * @param startSecond the interval's start, seconds since the epoch
         * @param kw mean facility kW over the minutes present
         * @param minutes how many 1-minute rows were present
         */
        void accept(String site, long startSecond, double kw, int minutes);
    }
}
