package io.gridshift.storage.ledger;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** An event's rows: one in {@code events}, one per modification in {@code event_modifications}. */
final class EventRows {
    static final String COLUMNS =
            "event_id, modification_number, modification_reason, market_context, priority,"
                    + " created_at, status, test_event, response_required, start_at, duration_s,"
                    + " start_after_s, notification_s, ramp_up_s, recovery_s, signals_json,"
                    + " targets_json";

    private EventRows() {}

    static boolean insert(Connection c, GridEvent e, Instant now) throws SQLException {
        Optional<GridEvent> existing = read(c, e.id(), e.modificationNumber());
        if (existing.isPresent()) {
            if (!existing.get().equals(e)) {
                throw new GridshiftException(
                        ErrorKind.CONFLICT,
                        "modification",
                        "modificationNumber: event "
                                + e.id()
                                + " modification "
                                + e.modificationNumber()
                                + " is already recorded with other content");
            }
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM events WHERE event_id = ?")) {
            ps.setString(1, e.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (PreparedStatement ins =
                            c.prepareStatement(
                                    "INSERT INTO events (event_id, first_seen_at) VALUES (?, ?)")) {
                        ins.setString(1, e.id().value());
                        Jdbc.setInstant(ins, 2, now);
                        ins.executeUpdate();
                    }
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO event_modifications ("
                                + COLUMNS
                                + ", received_at) VALUES"
                                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id().value());
            ps.setLong(2, e.modificationNumber());
            ps.setString(3, e.modificationReason());
            ps.setString(4, e.marketContext());
            ps.setLong(5, e.priority());
            Jdbc.setInstant(ps, 6, e.createdAt());
            ps.setString(7, e.status().name());
            ps.setBoolean(8, e.testEvent());
            ps.setString(9, e.responseRequired().name());
            Jdbc.setInstant(ps, 10, e.start());
            ps.setLong(11, e.duration().toSeconds());
            ps.setLong(12, e.startAfter().toSeconds());
            ps.setLong(13, e.notification().toSeconds());
            ps.setLong(14, e.rampUp().toSeconds());
            ps.setLong(15, e.recovery().toSeconds());
            ps.setString(16, LedgerJson.signals(e.signals()));
            ps.setString(17, LedgerJson.targets(e.targets()));
            Jdbc.setInstant(ps, 18, now);
            ps.executeUpdate();
        }
        return true;
    }

    static Optional<GridEvent> read(Connection c, EventId id, long modification)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM event_modifications WHERE event_id = ?"
                                + " AND modification_number = ?")) {
            ps.setString(1, id.value());
            ps.setLong(2, modification);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(from(rs)) : Optional.empty();
            }
        }
    }

    static GridEvent from(ResultSet rs) throws SQLException {
        return new GridEvent(
                EventId.of(rs.getString("event_id")),
                rs.getLong("modification_number"),
                rs.getString("modification_reason"),
                rs.getString("market_context"),
                rs.getLong("priority"),
                Jdbc.getInstant(rs, "created_at"),
                EventStatus.valueOf(rs.getString("status")),
                rs.getBoolean("test_event"),
                ResponseRequired.valueOf(rs.getString("response_required")),
                Jdbc.getInstant(rs, "start_at"),
                Duration.ofSeconds(rs.getLong("duration_s")),
                Duration.ofSeconds(rs.getLong("start_after_s")),
                Duration.ofSeconds(rs.getLong("notification_s")),
                Duration.ofSeconds(rs.getLong("ramp_up_s")),
                Duration.ofSeconds(rs.getLong("recovery_s")),
                LedgerJson.readSignals(rs.getString("signals_json")),
                LedgerJson.readTargets(rs.getString("targets_json")));
    }
}
