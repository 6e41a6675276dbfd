package io.gridshift.storage.ledger;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.site.Site;
import io.gridshift.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The write-ahead ledger. Every {@code record*} call returns only after its transaction is
 * committed by the database, so the caller may then act on it: an order is recorded before it is
 * sent, a send before the transport is told, an ack before its effect is reported to anyone, an
 * event and the opt response before the VTN hears the answer. A failure throws a {@link
 * io.gridshift.domain.error.GridshiftException} ({@code CONFLICT} when the record clashes with one
 * already there, {@code UNAVAILABLE} when the database cannot take it) and nothing is written.
 *
 * <p>Calls block on JDBC: run them off an event loop (Vert.x {@code executeBlocking}).
 */
public final class Ledger {
    private final DataSource ds;
    private final Clock clock;

    public Ledger(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    /** Creates or updates an enrolled site. */
    public void recordSite(Site site) {
        Jdbc.inTransaction(
                ds,
                "site " + site.id(),
                c -> {
                    int updated;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE sites SET name = ?, zone = ?, import_limit_kw = ?,"
                                            + " updated_at = ? WHERE site_id = ?")) {
                        ps.setString(1, site.name());
                        ps.setString(2, site.zone().code());
                        ps.setDouble(3, site.importLimitKw());
                        Jdbc.setInstant(ps, 4, clock.instant());
                        ps.setString(5, site.id().value());
                        updated = ps.executeUpdate();
                    }
                    if (updated == 0) {
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "INSERT INTO sites (site_id, name, zone, import_limit_kw,"
                                                + " updated_at) VALUES (?, ?, ?, ?, ?)")) {
                            ps.setString(1, site.id().value());
                            ps.setString(2, site.name());
                            ps.setString(3, site.zone().code());
                            ps.setDouble(4, site.importLimitKw());
                            Jdbc.setInstant(ps, 5, clock.instant());
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
    }

    /**
     * Records an event or a modification of it. Recording the same modification again is a no-op (a
     * VTN repeats events on every poll); a different event under a modification number already
     * recorded is a {@code CONFLICT}.
     *
     * @return whether this modification was new
     */
    public boolean recordEvent(GridEvent event) {
        return Jdbc.inTransaction(
                ds, "event " + event.id(), c -> EventRows.insert(c, event, clock.instant()));
    }

    /** Records the VEN's opt response; the event must be recorded first. */
    public void recordOpt(OptResponse opt) {
        insert(
                "opt for event " + opt.eventId(),
                "INSERT INTO opt_responses (event_id, modification_number, opt, reason,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, opt.eventId().value());
                    ps.setLong(2, opt.modificationNumber());
                    ps.setString(3, opt.opt().name());
                    ps.setString(4, opt.reason());
                    Jdbc.setInstant(ps, 5, opt.at());
                });
    }

    /** Records a commitment of a site to an event; the event must be recorded first. */
    public void recordBid(Bid bid) {
        insert(
                "bid of " + bid.site() + " for event " + bid.eventId(),
                "INSERT INTO bids (event_id, site_id, committed_kw, recorded_at)"
                        + " VALUES (?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, bid.eventId().value());
                    ps.setString(2, bid.site().value());
                    ps.setDouble(3, bid.committedKw());
                    Jdbc.setInstant(ps, 4, bid.at());
                });
    }

    /**
     * Records an order's revision before it is sent. The same id and revision twice is a {@code
     * CONFLICT}, as in the dispatch service; so is a revision for another site than the first.
     */
    public void recordOrder(DispatchOrder order) {
        Jdbc.inTransaction(
                ds,
                "order " + order.id() + " rev " + order.revision(),
                c -> {
                    OrderRows.insert(c, order, clock.instant());
                    return null;
                });
    }

    /** Records that a revision was handed to a transport; the revision must be recorded. */
    public void recordSend(DispatchSend send) {
        insert(
                "send of " + send.dispatchId() + " rev " + send.revision(),
                "INSERT INTO dispatch_sends (dispatch_id, revision, attempt, transport, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, send.dispatchId().value());
                    ps.setInt(2, send.revision());
                    ps.setInt(3, send.attempt());
                    ps.setString(4, send.transport());
                    Jdbc.setInstant(ps, 5, send.at());
                });
    }

    /**
     * Records a site's ack before its effect is reported. Every ack is kept, copies included (the
     * transport may deliver one twice); the revision it answers must be recorded.
     */
    public void recordAck(Ack ack) {
        insert(
                "ack of " + ack.dispatchId() + " rev " + ack.revision(),
                "INSERT INTO acks (dispatch_id, revision, site_id, status, reason, achieved_kw,"
                        + " acked_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, ack.dispatchId().value());
                    ps.setInt(2, ack.revision());
                    ps.setString(3, ack.site().value());
                    ps.setString(4, ack.status().name());
                    ps.setString(5, ack.reason());
                    Jdbc.setDouble(ps, 6, ack.achievedKw());
                    Jdbc.setInstant(ps, 7, ack.ts());
                    Jdbc.setInstant(ps, 8, clock.instant());
                });
    }

    public void recordOperatorAction(OperatorAction action) {
        insert(
                "operator action " + action.action(),
                "INSERT INTO operator_actions (actor, action, target, detail, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, action.actor());
                    ps.setString(2, action.action());
                    ps.setString(3, action.target());
                    ps.setString(4, action.detail());
                    Jdbc.setInstant(ps, 5, action.at());
                });
    }

    /** Reads what was recorded. */
    public LedgerReader reader() {
        return new LedgerReader(ds);
    }

    /** Which settlements are owed to the VTN, and which ended events are still to be settled. */
    public SettlementReports settlementReports() {
        return new SettlementReports(ds);
    }

    /** Shorthand for tests and the API: whether the order's revision is recorded. */
    public boolean hasOrder(DispatchId id, int revision) {
        return reader().revision(id, revision).isPresent();
    }

    /** Shorthand: the latest recorded modification of an event. */
    public java.util.Optional<GridEvent> event(EventId id) {
        return reader().event(id);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void insert(String what, String sql, Binder binder) {
        Jdbc.inTransaction(
                ds,
                what,
                (Connection c) -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        binder.bind(ps);
                        ps.executeUpdate();
                    }
                    return null;
                });
    }
}
