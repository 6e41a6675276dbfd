package io.gridshift.storage.meter;

import io.gridshift.domain.meter.MeterReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code meter_quarter_hours} rollup: per site and quarter hour (15 minutes since the epoch),
 * the sum of the stored minutes' facility kW and how many minutes were stored. Kept by {@link
 * MeterRepository} in the transaction that adds the minutes, so it always equals the minute rows.
 * H2 merges sums computed here (or recomputes from the minute rows when some minutes were already
 * stored); PostgreSQL sums the rows its INSERT returned, in the same statement ({@link
 * #ADD_RETURNED}).
 */
final class QuarterHours {
    /** Minutes per rollup row. */
    static final int MINUTES = 15;

    /**
     * Appended to {@code WITH stored AS (INSERT INTO meter_intervals ... ON CONFLICT DO NOTHING} on
     * PostgreSQL: adds exactly the rows the INSERT stored.
     */
    static final String ADD_RETURNED =
            " RETURNING minute_utc, site_id, facility_kw)"
                    + " INSERT INTO meter_quarter_hours (quarter_utc, site_id, facility_kw_sum,"
                    + " minutes) SELECT minute_utc / 15, site_id, SUM(facility_kw), COUNT(*)"
                    + " FROM stored GROUP BY minute_utc / 15, site_id"
                    + " ON CONFLICT (quarter_utc, site_id) DO UPDATE SET facility_kw_sum ="
                    + " meter_quarter_hours.facility_kw_sum + EXCLUDED.facility_kw_sum,"
                    + " minutes = meter_quarter_hours.minutes + EXCLUDED.minutes";

    private static final String MERGE_HEAD = "MERGE INTO meter_quarter_hours q USING (VALUES ";
    private static final String MERGE_TAIL =
            ") AS v (quarter_utc, site_id, facility_kw_sum, minutes)"
                    + " ON q.quarter_utc = v.quarter_utc AND q.site_id = v.site_id"
                    + " WHEN MATCHED THEN UPDATE SET facility_kw_sum = q.facility_kw_sum"
                    + " + v.facility_kw_sum, minutes = q.minutes + v.minutes"
                    + " WHEN NOT MATCHED THEN INSERT (quarter_utc, site_id, facility_kw_sum,"
                    + " minutes) VALUES (v.quarter_utc, v.site_id, v.facility_kw_sum, v.minutes)";

    private static final String RECOMPUTE =
            "INSERT INTO meter_quarter_hours (quarter_utc, site_id, facility_kw_sum, minutes)"
                    + " SELECT CAST(? AS BIGINT), site_id, SUM(facility_kw), COUNT(*)"
                    + " FROM meter_intervals WHERE site_id = ? AND minute_utc >= ?"
                    + " AND minute_utc < ? GROUP BY site_id";

    private QuarterHours() {}

    static long quarterOf(long minute) {
        return Math.floorDiv(minute, MINUTES);
    }

    /**
     * Adds minutes that were all newly stored: their sums per (quarter, site) are merged in one
     * statement (a MERGE source may not name a row twice, so they are summed here first).
     */
    static void add(Connection c, List<MeterReading> stored, long[] minutes) throws SQLException {
        Map<Key, double[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            MeterReading r = stored.get(i);
            double[] s =
                    sums.computeIfAbsent(
                            new Key(quarterOf(minutes[i]), r.site().value()), k -> new double[2]);
            s[0] += r.facilityKw();
            s[1]++;
        }
        StringBuilder sql = new StringBuilder(MERGE_HEAD);
        for (int i = 0; i < sums.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        sql.append(MERGE_TAIL);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Map.Entry<Key, double[]> e : sums.entrySet()) {
                ps.setLong(p++, e.getKey().quarter());
                ps.setString(p++, e.getKey().site());
                ps.setDouble(p++, e.getValue()[0]);
                ps.setInt(p++, (int) e.getValue()[1]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * Recomputes the quarters {@code readings} touch from the minute rows: used when some of them
     * were already stored (a restart split a minute), so that nothing is counted twice.
     */
    static void recompute(Connection c, List<MeterReading> readings, long[] minutes)
            throws SQLException {
        Map<Key, Boolean> touched = new LinkedHashMap<>();
        for (int i = 0; i < readings.size(); i++) {
            touched.put(new Key(quarterOf(minutes[i]), readings.get(i).site().value()), true);
        }
        try (PreparedStatement del =
                        c.prepareStatement(
                                "DELETE FROM meter_quarter_hours WHERE quarter_utc = ?"
                                        + " AND site_id = ?");
                PreparedStatement ins = c.prepareStatement(RECOMPUTE)) {
            for (Key k : touched.keySet()) {
                del.setLong(1, k.quarter());
                del.setString(2, k.site());
                del.addBatch();
                ins.setLong(1, k.quarter());
                ins.setString(2, k.site());
                ins.setLong(3, k.quarter() * MINUTES);
                ins.setLong(4, (k.quarter() + 1) * MINUTES);
                ins.addBatch();
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }

    /** Rebuilds every quarter in {@code [fromQuarter, toQuarter)} from the minute rows. */
    static int rebuild(Connection c, long fromQuarter, long toQuarter) throws SQLException {
        try (PreparedStatement del =
                        c.prepareStatement(
                                "DELETE FROM meter_quarter_hours WHERE quarter_utc >= ?"
                                        + " AND quarter_utc < ?");
                PreparedStatement ins =
                        c.prepareStatement(
                                "INSERT INTO meter_quarter_hours (quarter_utc, site_id,"
                                        + " facility_kw_sum, minutes) SELECT minute_utc / 15,"
                                        + " site_id, SUM(facility_kw), COUNT(*) FROM"
                                        + " meter_intervals WHERE minute_utc >= ? AND minute_utc"
                                        + " < ? GROUP BY minute_utc / 15, site_id")) {
            del.setLong(1, fromQuarter);
            del.setLong(2, toQuarter);
            del.executeUpdate();
            ins.setLong(1, fromQuarter * MINUTES);
            ins.setLong(2, toQuarter * MINUTES);
            return ins.executeUpdate();
        }
    }

    private record Key(long quarter, String site) {}
}
