package io.gridshift.storage.ledger;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An order's rows: one in {@code dispatch_orders}, one per revision in {@code dispatch_revisions}.
 */
final class OrderRows {
    static final String SELECT =
            "SELECT o.dispatch_id, o.site_id, o.event_id, r.revision, r.issued_at, r.start_at,"
                    + " r.end_at, r.actions_json FROM dispatch_orders o JOIN dispatch_revisions r"
                    + " ON r.dispatch_id = o.dispatch_id";

    private OrderRows() {}

    static void insert(Connection c, DispatchOrder order, Instant now) throws SQLException {
        String site = null;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT site_id FROM dispatch_orders WHERE dispatch_id = ?")) {
            ps.setString(1, order.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    site = rs.getString(1);
                }
            }
        }
        if (site == null) {
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO dispatch_orders (dispatch_id, site_id, event_id,"
                                    + " first_issued_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, order.id().value());
                ps.setString(2, order.site().value());
                ps.setString(3, order.eventId() == null ? null : order.eventId().value());
                Jdbc.setInstant(ps, 4, order.issuedAt());
                ps.executeUpdate();
            }
        } else if (!site.equals(order.site().value())) {
            throw new GridshiftException(
                    ErrorKind.CONFLICT,
                    "site_mismatch",
                    "site: order "
                            + order.id()
                            + " was issued to "
                            + site
                            + ", not "
                            + order.site());
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dispatch_revisions (dispatch_id, revision, issued_at, start_at,"
                                + " end_at, net_reduction_kw, actions_json, recorded_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, order.id().value());
            ps.setInt(2, order.revision());
            Jdbc.setInstant(ps, 3, order.issuedAt());
            Jdbc.setInstant(ps, 4, order.start());
            Jdbc.setInstant(ps, 5, order.end());
            ps.setDouble(6, order.netReductionKw());
            ps.setString(7, LedgerJson.actions(order.actions()));
            Jdbc.setInstant(ps, 8, now);
            ps.executeUpdate();
        }
    }

    static DispatchOrder from(ResultSet rs) throws SQLException {
        String event = rs.getString("event_id");
        return new DispatchOrder(
                DispatchId.of(rs.getString("dispatch_id")),
                rs.getInt("revision"),
                event == null ? null : EventId.of(event),
                SiteId.of(rs.getString("site_id")),
                Jdbc.getInstant(rs, "issued_at"),
                Jdbc.getInstant(rs, "start_at"),
                Jdbc.getInstant(rs, "end_at"),
                LedgerJson.readActions(rs.getString("actions_json")));
    }
}
