package io.gridshift.storage.settlement;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.baseline.Baseline;
import io.gridshift.storage.baseline.BaselineCurve;
import io.gridshift.storage.baseline.BaselineRequest;
import io.gridshift.storage.baseline.BaselineUnavailableException;
import io.gridshift.storage.baseline.Baselines;
import io.gridshift.storage.baseline.LoadSeries;
import io.gridshift.storage.baseline.Window;
import io.gridshift.storage.db.Jdbc;
import io.gridshift.storage.ledger.Bid;
import io.gridshift.storage.ledger.LedgerReader;
import io.gridshift.storage.meter.MeterRepository;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Settles an event from the ledger alone: the event's latest modification, the program's other
 * events (their days are not baseline days), the latest bid per site, and the meter intervals. The
 * result replaces any earlier settlement of the event and program in {@code settlements}, so an
 * event can be settled again after late meter data and gives the same figures for the same ledger.
 */
public final class SettlementService {
    private final DataSource ds;
    private final LedgerReader ledger;
    private final MeterRepository meters;
    private final Baselines baselines;
    private final Clock clock;

    public SettlementService(DataSource ds, LedgerReader ledger, Baselines baselines, Clock clock) {
        this.ds = ds;
        this.ledger = ledger;
        this.meters = new MeterRepository(ds);
        this.baselines = baselines;
        this.clock = clock;
    }

    public EventSettlement settle(EventId eventId, ProgramRules rules) {
        GridEvent event =
                ledger.event(eventId)
                        .orElseThrow(
                                () ->
                                        new GridshiftException(
                                                ErrorKind.NOT_FOUND,
                                                "unknown_event",
                                                "eventId: no event " + eventId + " in the ledger"));
        if (!event.marketContext().equals(rules.program())) {
            throw new InvalidFieldException(
                    "program",
                    "pattern",
                    rules.program(),
                    "must be the event's market context " + event.marketContext());
        }
        Baseline baseline = baselines.byName(rules.baselineMethod());
        BaselineRequest request =
                new BaselineRequest(
                        event.start(),
                        event.end(),
                        event.recovery(),
                        rules.interval(),
                        rules.zone(),
                        eventDays(ledger, rules.program(), rules.zone()));
        Map<SiteId, Bid> bids = ledger.bids(eventId);
        Map<SiteId, LoadSeries> loads = load(request, baseline);
        List<SiteSettlement> sites = new ArrayList<>();
        for (Bid bid : bids.values()) {
            sites.add(settleSite(bid, request, baseline, loads.get(bid.site()), rules));
        }
        EventSettlement result =
                new EventSettlement(
                        eventId,
                        event.modificationNumber(),
                        rules.program(),
                        baseline.name(),
                        clock.instant(),
                        sites);
        store(result);
        return result;
    }

    private SiteSettlement settleSite(
            Bid bid, BaselineRequest r, Baseline baseline, LoadSeries load, ProgramRules rules) {
        if (load == null) {
            return SettlementCalculator.insufficient(
                    bid.site(), bid.committedKw(), "no meter data");
        }
        BaselineCurve curve;
        try {
            curve = baseline.compute(r, load);
        } catch (BaselineUnavailableException e) {
            return SettlementCalculator.insufficient(bid.site(), bid.committedKw(), e.getMessage());
        }
        List<Instant> starts = r.intervals();
        List<IntervalResult> intervals = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            Instant t = starts.get(i);
            if (!load.has(t)) {
                return SettlementCalculator.insufficient(
                        bid.site(), bid.committedKw(), "no meter data for the interval at " + t);
            }
            double b = curve.kw().get(i);
            double a = load.kw(t);
            intervals.add(new IntervalResult(t, b, a, (b - a) * r.intervalHours()));
        }
        return SettlementCalculator.settle(
                bid.site(), bid.committedKw(), intervals, r.intervalHours(), rules);
    }

    /**
     * Local days (in {@code zone}) on which any live (not cancelled, not test) event of the program
     * was active.
     */
    public static Set<LocalDate> eventDays(LedgerReader ledger, String program, ZoneId zone) {
        Set<LocalDate> days = new HashSet<>();
        for (GridEvent e : ledger.events(program)) {
            if (e.isCancelled() || e.testEvent()) {
                continue;
            }
            LocalDate last = e.end().minusNanos(1).atZone(zone).toLocalDate();
            for (LocalDate d = e.start().atZone(zone).toLocalDate();
                    !d.isAfter(last);
                    d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    private Map<SiteId, LoadSeries> load(BaselineRequest r, Baseline baseline) {
        Set<Window> windows = new LinkedHashSet<>(baseline.windows(r));
        windows.add(new Window(r.start(), r.end()));
        return loads(meters, new ArrayList<>(windows), r.interval());
    }

    /**
     * Each site's load per settlement interval over {@code windows}; an interval counts when at
     * least half of its minutes were metered.
     */
    public static Map<SiteId, LoadSeries> loads(
            MeterRepository meters, List<Window> windows, Duration interval) {
        int minutes = (int) interval.toMinutes();
        // about how many intervals a site has over the windows: the series rarely grow
        long expected = 0;
        for (Window w : windows) {
            expected += Duration.between(w.from(), w.to()).toMinutes() / minutes + 1;
        }
        int perSite = (int) Math.min(1 << 16, expected);
        Map<String, LoadSeries> bySite = new HashMap<>();
        meters.forEachMean(
                windows,
                minutes,
                (site, startSecond, kw, present) -> {
                    if (present * 2 >= minutes) {
                        bySite.computeIfAbsent(site, s -> new LoadSeries(perSite))
                                .put(startSecond, kw);
                    }
                });
        Map<SiteId, LoadSeries> out = new HashMap<>();
        bySite.forEach((site, series) -> out.put(SiteId.of(site), series));
        return out;
    }

    private void store(EventSettlement s) {
        Jdbc.inTransaction(
                ds,
                "settlement of " + s.eventId(),
                c -> {
                    try (PreparedStatement del =
                            c.prepareStatement(
                                    "DELETE FROM settlements WHERE event_id = ? AND program = ?")) {
                        del.setString(1, s.eventId().value());
                        del.setString(2, s.program());
                        del.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO settlements (event_id, modification_number,"
                                            + " site_id, program, baseline_method, status,"
                                            + " committed_kw, baseline_kwh, actual_kwh,"
                                            + " delivered_kwh, delivered_kw, performance,"
                                            + " credited_kw, capacity_payment, energy_payment,"
                                            + " penalty, net_payment, intervals_json, computed_at)"
                                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                            + " ?, ?, ?, ?, ?)")) {
                        for (SiteSettlement site : s.sites()) {
                            ps.setString(1, s.eventId().value());
                            ps.setLong(2, s.modificationNumber());
                            ps.setString(3, site.site().value());
                            ps.setString(4, s.program());
                            ps.setString(5, s.baselineMethod());
                            ps.setString(6, site.status());
                            ps.setDouble(7, site.committedKw());
                            ps.setDouble(8, site.baselineKwh());
                            ps.setDouble(9, site.actualKwh());
                            ps.setDouble(10, site.deliveredKwh());
                            ps.setDouble(11, site.deliveredKw());
                            ps.setDouble(12, site.performance());
                            ps.setDouble(13, site.creditedKw());
                            ps.setDouble(14, site.capacityPayment());
                            ps.setDouble(15, site.energyPayment());
                            ps.setDouble(16, site.penalty());
                            ps.setDouble(17, site.netPayment());
                            ps.setString(18, SettlementExport.intervalsJson(site.intervals()));
                            Jdbc.setInstant(ps, 19, s.computedAt());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
    }
}
