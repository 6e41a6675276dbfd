package io.gridshift.storage.ledger;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.db.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads the ledger back: what settlement, the API and the crash test look at. */
public final class LedgerReader {
    private final DataSource ds;

    LedgerReader(DataSource ds) {
        this.ds = ds;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
        return Jdbc.withConnection(
                ds,
                what,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < args.length; i++) {
                            ps.setObject(i + 1, args[i]);
                        }
                        List<T> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(row.read(rs));
                            }
                        }
                        return out;
                    }
                });
    }

    /** The latest modification of an event. */
    public Optional<GridEvent> event(EventId id) {
        List<GridEvent> all = modifications(id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every recorded modification of an event, oldest first. */
    public List<GridEvent> modifications(EventId id) {
        return query(
                "event " + id,
                "SELECT "
                        + EventRows.COLUMNS
                        + " FROM event_modifications WHERE event_id = ?"
                        + " ORDER BY modification_number",
                EventRows::from,
                id.value());
    }

    /** The latest modification of every event of a program (market context). */
    public List<GridEvent> events(String marketContext) {
        Map<EventId, GridEvent> latest = new LinkedHashMap<>();
        for (GridEvent e :
                query(
                        "events of " + marketContext,
                        "SELECT "
                                + EventRows.COLUMNS
                                + " FROM event_modifications WHERE market_context = ?"
                                + " ORDER BY event_id, modification_number",
                        EventRows::from,
                        marketContext)) {
            latest.put(e.id(), e);
        }
        return List.copyOf(latest.values());
    }

    public List<OptResponse> opts(EventId id) {
        return query(
                "opts of " + id,
                "SELECT event_id, modification_number, opt, reason, recorded_at FROM opt_responses"
                        + " WHERE event_id = ? ORDER BY id",
                rs ->
                        new OptResponse(
                                EventId.of(rs.getString("event_id")),
                                rs.getLong("modification_number"),
                                OptType.valueOf(rs.getString("opt")),
                                rs.getString("reason"),
                                Jdbc.getInstant(rs, "recorded_at")),
                id.value());
    }

    /** The latest bid of each site for an event, by site. */
    public Map<SiteId, Bid> bids(EventId id) {
        Map<SiteId, Bid> out = new TreeMap<>();
        for (Bid b :
                query(
                        "bids of " + id,
                        "SELECT event_id, site_id, committed_kw, recorded_at FROM bids"
                                + " WHERE event_id = ? ORDER BY recorded_at, id",
                        rs ->
                                new Bid(
                                        EventId.of(rs.getString("event_id")),
                                        SiteId.of(rs.getString("site_id")),
                                        rs.getDouble("committed_kw"),
                                        Jdbc.getInstant(rs, "recorded_at")),
                        id.value())) {
            out.put(b.site(), b);
        }
        return out;
    }

    public Optional<DispatchOrder> revision(DispatchId id, int revision) {
        return query(
                        "order " + id,
                        OrderRows.SELECT + " WHERE o.dispatch_id = ? AND r.revision = ?",
                        OrderRows::from,
                        id.value(),
                        revision)
                .stream()
                .findFirst();
    }

    /** The latest revision of an order. */
    public Optional<DispatchOrder> order(DispatchId id) {
        List<DispatchOrder> all =
                query(
                        "order " + id,
                        OrderRows.SELECT + " WHERE o.dispatch_id = ? ORDER BY r.revision",
                        OrderRows::from,
                        id.value());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every revision of every order that serves an event, by order id then revision. */
    public List<DispatchOrder> orders(EventId id) {
        return query(
                "orders of " + id,
                OrderRows.SELECT + " WHERE o.event_id = ? ORDER BY o.dispatch_id, r.revision",
                OrderRows::from,
                id.value());
    }

    public List<DispatchSend> sends(DispatchId id) {
        return query(
                "sends of " + id,
                "SELECT dispatch_id, revision, attempt, transport, sent_at FROM dispatch_sends"
                        + " WHERE dispatch_id = ? ORDER BY id",
                rs ->
                        new DispatchSend(
                                DispatchId.of(rs.getString("dispatch_id")),
                                rs.getInt("revision"),
                                rs.getInt("attempt"),
                                rs.getString("transport"),
                                Jdbc.getInstant(rs, "sent_at")),
                id.value());
    }

    /** Every ack recorded for an order, in the order they were recorded. */
    public List<Ack> acks(DispatchId id) {
        return query(
                "acks of " + id,
                "SELECT dispatch_id, revision, site_id, status, reason, achieved_kw, acked_at"
                        + " FROM acks WHERE dispatch_id = ? ORDER BY id",
                rs ->
                        new Ack(
                                DispatchId.of(rs.getString("dispatch_id")),
                                rs.getInt("revision"),
                                SiteId.of(rs.getString("site_id")),
                                AckStatus.valueOf(rs.getString("status")),
                                rs.getString("reason"),
                                Jdbc.getDouble(rs, "achieved_kw"),
                                Jdbc.getInstant(rs, "acked_at")),
                id.value());
    }

    /** The most recent operator actions, newest first. */
    public List<OperatorAction> operatorActions(int limit) {
        return query(
                "operator actions",
                "SELECT actor, action, target, detail, recorded_at FROM operator_actions"
                        + " ORDER BY id DESC LIMIT "
                        + Math.max(1, Math.min(limit, 10_000)),
                rs ->
                        new OperatorAction(
                                rs.getString("actor"),
                                rs.getString("action"),
                                rs.getString("target"),
                                rs.getString("detail"),
                                Jdbc.getInstant(rs, "recorded_at")));
    }

    /** How many rows a ledger table holds (for checks and diagnostics). */
    public long count(Table table) {
        return query("count " + table, "SELECT COUNT(*) FROM " + table.sql(), rs -> rs.getLong(1))
                .get(0);
    }

    /** The ledger's tables, for {@link #count}. */
    public enum Table {
        SITES,
        EVENTS,
        EVENT_MODIFICATIONS,
        OPT_RESPONSES,
        BIDS,
        DISPATCH_ORDERS,
        DISPATCH_REVISIONS,
        DISPATCH_SENDS,
        ACKS,
        METER_INTERVALS,
        SETTLEMENTS,
        SETTLEMENT_REPORTS,
        OPERATOR_ACTIONS;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
