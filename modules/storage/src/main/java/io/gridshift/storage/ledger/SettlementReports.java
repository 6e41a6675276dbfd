package io.gridshift.storage.ledger;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which settlements are owed to the VTN and which were reported ({@code settlement_reports}, V4),
 * and which ended events are still to be settled. One row per event and modification: a settlement
 * opens it ({@link #owe}), a send that the VTN accepted closes it ({@link #reported}), a failed one
 * moves its next attempt later ({@link #failed}). Every call is one transaction or one read and
 * blocks on JDBC.
 */
public final class SettlementReports {
    private static final String STATE =
            "SELECT r.event_id, r.modification_number, r.settled_at, r.attempts,"
                    + " r.next_attempt_at, r.last_error, r.reported_at FROM settlement_reports r";
    private static final String LATEST =
            "(SELECT MAX(x.modification_number) FROM event_modifications x"
                    + " WHERE x.event_id = %s.event_id)";

    private final DataSource ds;

    SettlementReports(DataSource ds) {
        this.ds = ds;
    }

    /**
     * The events to settle now: the latest modification of each event that ended at or before
     * {@code endedBy} (start plus duration) and was not settled at that modification since it ended
     * (a settlement computed while it ran does not count). Left out: test events, and cancelled
     * events whose first cancellation was received before they started (the sites never delivered).
     * A cancelled event that had started is settled over the window of its latest modification.
     * Oldest start first.
     */
    public List<GridEvent> due(Instant endedBy) {
        String sql =
                "SELECT "
                        + EventRows.COLUMNS
                        + ", (SELECT MIN(c.received_at) FROM event_modifications c"
                        + " WHERE c.event_id = m.event_id AND c.status = 'CANCELLED')"
                        + " AS cancelled_at, (SELECT r.settled_at FROM settlement_reports r"
                        + " WHERE r.event_id = m.event_id"
                        + " AND r.modification_number = m.modification_number) AS settled_at"
                        + " FROM event_modifications m"
                        + " WHERE m.start_at <= ? AND m.test_event = FALSE"
                        + " AND m.modification_number = "
                        + LATEST.formatted("m")
                        + " ORDER BY m.start_at, m.event_id";
        return Jdbc.withConnection(
                ds,
                "events due for settlement",
                c -> {
                    List<GridEvent> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        Jdbc.setInstant(ps, 1, endedBy);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                GridEvent e = EventRows.from(rs);
                                Instant cancelledAt = Jdbc.getInstant(rs, "cancelled_at");
                                boolean neverStarted =
                                        e.isCancelled()
                                                && cancelledAt != null
                                                && !cancelledAt.isAfter(e.start());
                                Instant settledAt = Jdbc.getInstant(rs, "settled_at");
                                boolean settled = settledAt != null && !settledAt.isBefore(e.end());
                                if (!e.end().isAfter(endedBy) && !neverStarted && !settled) {
                                    out.add(e);
                                }
                            }
                        }
                    }
                    return out;
                });
    }

    /**
     * Opens the report of a settlement of {@code event} at {@code modification} computed at {@code
     * settledAt}: owed from then on, with no failures. A row already there (reported or not) is
     * opened again, so a settlement computed again is reported again.
     */
    public void owe(EventId event, long modification, Instant settledAt) {
        Jdbc.inTransaction(
                ds,
                "settlement report of " + event,
                c -> {
                    int updated =
                            update(
                                    c,
                                    "UPDATE settlement_reports SET settled_at = ?, attempts = 0,"
                                            + " next_attempt_at = ?, last_error = NULL,"
                                            + " reported_at = NULL WHERE event_id = ?"
                                            + " AND modification_number = ?",
                                    settledAt,
                                    settledAt,
                                    event.value(),
                                    modification);
                    if (updated == 0) {
                        update(
                                c,
                                "INSERT INTO settlement_reports (event_id, modification_number,"
                                        + " settled_at, attempts, next_attempt_at)"
                                        + " VALUES (?, ?, ?, 0, ?)",
                                event.value(),
                                modification,
                                settledAt,
                                settledAt);
                    }
                    return null;
                });
    }

    /**
     * The reports owed at {@code now}: not reported, next attempt due, and of the event's latest
     * modification (an older one was superseded). Earliest due first.
     */
    public List<SettlementReportState> owed(Instant now) {
        return states(
                STATE
                        + " WHERE r.reported_at IS NULL AND r.next_attempt_at <= ?"
                        + " AND r.modification_number = "
                        + LATEST.formatted("r")
                        + " ORDER BY r.next_attempt_at, r.event_id",
                now);
    }

    /** The report's state, if a settlement of the modification was ever computed. */
    public Optional<SettlementReportState> state(EventId event, long modification) {
        return states(
                        STATE + " WHERE r.event_id = ? AND r.modification_number = ?",
                        event.value(),
                        modification)
                .stream()
                .findFirst();
    }

    /**
     * Marks the report sent for {@code owed} accepted at {@code at}. Nothing changes when the row
     * was opened again since (a newer settlement is still owed) or is reported already.
     *
     * @return whether the row was marked
     */
    public boolean reported(SettlementReportState owed, Instant at) {
        return Jdbc.inTransaction(
                        ds,
                        "settlement report of " + owed.eventId(),
                        c ->
                                update(
                                        c,
                                        "UPDATE settlement_reports SET reported_at = ?,"
                                                + " last_error = NULL WHERE event_id = ?"
                                                + " AND modification_number = ?"
                                                + " AND settled_at = ? AND reported_at IS NULL",
                                        at,
                                        owed.eventId().value(),
                                        owed.modificationNumber(),
                                        owed.settledAt()))
                == 1;
    }

    /**
     * Records a failed send of {@code owed}: one more attempt, its cause, and when to try again.
     * Nothing changes when the row was opened again since or is reported already.
     */
    public void failed(SettlementReportState owed, String error, Instant nextAttempt) {
        String cause = error == null || error.length() <= 512 ? error : error.substring(0, 512);
        Jdbc.inTransaction(
                ds,
                "settlement report of " + owed.eventId(),
                c ->
                        update(
                                c,
                                "UPDATE settlement_reports SET attempts = attempts + 1,"
                                        + " last_error = ?, next_attempt_at = ?"
                                        + " WHERE event_id = ? AND modification_number = ?"
                                        + " AND settled_at = ? AND reported_at IS NULL",
                                cause,
                                nextAttempt,
                                owed.eventId().value(),
                                owed.modificationNumber(),
                                owed.settledAt()));
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private List<SettlementReportState> states(String sql, Object... args) {
        return Jdbc.withConnection(
                ds,
                "settlement reports",
                c -> {
                    List<SettlementReportState> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bind(ps, args);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(
                                        new SettlementReportState(
                                                EventId.of(rs.getString("event_id")),
                                                rs.getLong("modification_number"),
                                                Jdbc.getInstant(rs, "settled_at"),
                                                rs.getInt("attempts"),
                                                Jdbc.getInstant(rs, "next_attempt_at"),
                                                rs.getString("last_error"),
                                                Jdbc.getInstant(rs, "reported_at")));
                            }
                        }
                    }
                    return out;
                });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant t) {
                Jdbc.setInstant(ps, i + 1, t);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }
}
