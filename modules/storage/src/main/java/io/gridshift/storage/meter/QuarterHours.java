package io.gridshift.storage.meter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The {@code meter_quarter_hours} rollup: per site and quarter hour (15 minutes since the epoch),
 * the sum of the stored minutes' facility kW and how many minutes were stored. Writing minutes
 * marks their quarters in {@code meter_dirty_quarters} (same transaction); a marked quarter is
 * rolled up from its minute rows once, later ({@link #rollUpDirty}). So the rollup equals the
 * minute rows for every quarter that is not marked, and ingest pays one small upsert per quarter
 * and batch instead of one per minute row (V3 migration).
 */
final class QuarterHours {
    /** Minutes per rollup row. */
    static final int MINUTES = 15;

    /**
     * PostgreSQL: the marker is updated when it exists, so the writer holds its row lock until it
     * commits and a concurrent roll-up's DELETE of the marker waits for it (see the V3 migration).
     */
    private static final String MARK_POSTGRES =
            "INSERT INTO meter_dirty_quarters (quarter_utc, writes) VALUES (?, 1)"
                    + " ON CONFLICT (quarter_utc) DO UPDATE SET writes ="
                    + " meter_dirty_quarters.writes + 1";

    private static final String DUPLICATE_KEY = "23505";

    private static final String ROLL_UP =
            "INSERT INTO meter_quarter_hours (quarter_utc, site_id, facility_kw_sum, minutes)"
                    + " SELECT minute_utc / 15, site_id, SUM(facility_kw), COUNT(*)"
                    + " FROM meter_intervals WHERE minute_utc >= ? AND minute_utc < ?"
                    + " GROUP BY minute_utc / 15, site_id";

    private QuarterHours() {}

    static long quarterOf(long minute) {
        return Math.floorDiv(minute, MINUTES);
    }

    /**
     * Marks {@code quarters} as written in the caller's transaction. Called last in it, so that the
     * marker's lock is held for as short a time as possible.
     */
    static void mark(Connection c, SortedSet<Long> quarters, boolean postgres) throws SQLException {
        if (!postgres) {
            markH2(c, quarters);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK_POSTGRES)) {
            // ascending order: two writers never wait on each other's markers in a cycle
            for (long q : quarters) {
                ps.setLong(1, q);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * H2 has no ON CONFLICT DO UPDATE, and its MERGE fails with a duplicate key when another
     * transaction inserts the same marker at the same time: update, else insert, and update after
     * all when the insert lost that race (a failed statement leaves an H2 transaction usable).
     */
    private static void markH2(Connection c, SortedSet<Long> quarters) throws SQLException {
        try (PreparedStatement update =
                        c.prepareStatement(
                                "UPDATE meter_dirty_quarters SET writes = writes + 1"
                                        + " WHERE quarter_utc = ?");
                PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO meter_dirty_quarters (quarter_utc, writes)"
                                        + " VALUES (?, 1)")) {
            for (long q : quarters) {
                update.setLong(1, q);
                if (update.executeUpdate() > 0) {
                    continue;
                }
                insert.setLong(1, q);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    update.executeUpdate();
                }
            }
        }
    }

    /**
     * Rolls up every marked quarter in {@code [fromQuarter, toQuarter)} from its minute rows and
     * removes its marker, in the caller's transaction. The marker is deleted first: that waits for
     * a writer still holding it, so the recomputation that follows sees that writer's minutes; a
     * writer that marks the quarter afterwards leaves it marked again. Returns the quarters rolled
     * up.
     */
    static int rollUpDirty(Connection c, long fromQuarter, long toQuarter) throws SQLException {
        List<Long> dirty = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT quarter_utc FROM meter_dirty_quarters WHERE quarter_utc >= ?"
                                + " AND quarter_utc < ? ORDER BY quarter_utc")) {
            ps.setLong(1, fromQuarter);
            ps.setLong(2, toQuarter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dirty.add(rs.getLong(1));
                }
            }
        }
        if (dirty.isEmpty()) {
            return 0;
        }
        try (PreparedStatement unmark =
                        c.prepareStatement(
                                "DELETE FROM meter_dirty_quarters WHERE quarter_utc = ?");
                PreparedStatement del =
                        c.prepareStatement(
                                "DELETE FROM meter_quarter_hours WHERE quarter_utc = ?");
                PreparedStatement ins = c.prepareStatement(ROLL_UP)) {
            for (long q : dirty) {
                unmark.setLong(1, q);
                unmark.executeUpdate();
                del.setLong(1, q);
                del.executeUpdate();
                ins.setLong(1, q * MINUTES);
                ins.setLong(2, (q + 1) * MINUTES);
                ins.executeUpdate();
            }
        }
        return dirty.size();
    }

    /**
     * Rebuilds every quarter in {@code [fromQuarter, toQuarter)} from the minute rows, marked or
     * not: for minute rows written around the repository.
     */
    static int rebuild(Connection c, long fromQuarter, long toQuarter) throws SQLException {
        try (PreparedStatement unmark =
                        c.prepareStatement(
                                "DELETE FROM meter_dirty_quarters WHERE quarter_utc >= ?"
                                        + " AND quarter_utc < ?");
                PreparedStatement del =
                        c.prepareStatement(
                                "DELETE FROM meter_quarter_hours WHERE quarter_utc >= ?"
                                        + " AND quarter_utc < ?");
                PreparedStatement ins = c.prepareStatement(ROLL_UP)) {
            unmark.setLong(1, fromQuarter);
            unmark.setLong(2, toQuarter);
            unmark.executeUpdate();
            del.setLong(1, fromQuarter);
            del.setLong(2, toQuarter);
            del.executeUpdate();
            ins.setLong(1, fromQuarter * MINUTES);
            ins.setLong(2, toQuarter * MINUTES);
            return ins.executeUpdate();
        }
    }
}
