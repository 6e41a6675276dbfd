package io.gridshift.storage.accuracy;

import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.baseline.Baseline;
import io.gridshift.storage.baseline.BaselineCurve;
import io.gridshift.storage.baseline.BaselineRequest;
import io.gridshift.storage.baseline.BaselineUnavailableException;
import io.gridshift.storage.baseline.Baselines;
import io.gridshift.storage.baseline.LoadSeries;
import io.gridshift.storage.baseline.Window;
import io.gridshift.storage.ledger.LedgerReader;
import io.gridshift.storage.meter.MeterRepository;
import io.gridshift.storage.settlement.SettlementService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Replays baseline methods on days without events: for each tested day (a weekday in the range that
 * was not an event day of the program) the window is treated as if an event had been called, each
 * method computes its baseline from the ledger's meter data exactly as settlement would, and the
 * baseline is compared with what the site actually drew in the window ({@link SiteAccuracy}).
 */
public final class AccuracyService {
    private final LedgerReader ledger;
    private final MeterRepository meters;
    private final Baselines baselines;
    private final Clock clock;

    public AccuracyService(DataSource ds, LedgerReader ledger, Baselines baselines, Clock clock) {
        this.ledger = ledger;
        this.meters = new MeterRepository(ds);
        this.baselines = baselines;
        this.clock = clock;
    }

    public AccuracyReport report(AccuracyRequest q) {
        return report(q, null);
    }

    /**
     * The report for one site only ({@code site} null: every site with meter data). The meter rows
     * of the windows are read for every site all the same: one range scan per window.
     */
    public AccuracyReport report(AccuracyRequest q, SiteId site) {
        List<Baseline> methods = q.methods().stream().map(baselines::byName).toList();
        Set<LocalDate> eventDays = SettlementService.eventDays(ledger, q.program(), q.zone());
        List<LocalDate> days = new ArrayList<>();
        List<BaselineRequest> requests = new ArrayList<>();
        Set<Window> windows = new LinkedHashSet<>();
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || eventDays.contains(d)) {
                continue;
            }
            BaselineRequest r =
                    new BaselineRequest(
                            d.atTime(q.windowStart()).atZone(q.zone()).toInstant(),
                            d.atTime(q.windowEnd()).atZone(q.zone()).toInstant(),
                            q.recovery(),
                            q.interval(),
                            q.zone(),
                            eventDays);
            days.add(d);
            requests.add(r);
            windows.add(new Window(r.start(), r.end()));
            for (Baseline b : methods) {
                windows.addAll(b.windows(r));
            }
        }
        Map<SiteId, LoadSeries> loads =
                SettlementService.loads(meters, new ArrayList<>(windows), q.interval());
        List<SiteId> sites = new ArrayList<>(loads.keySet());
        if (site != null) {
            sites.retainAll(List.of(site));
        }
        sites.sort(Comparator.comparing(SiteId::value));
        List<SiteAccuracy> out = new ArrayList<>();
        for (Baseline b : methods) {
            for (SiteId s : sites) {
                SiteAccuracy.Sums sums = new SiteAccuracy.Sums();
                for (BaselineRequest r : requests) {
                    addDay(b, r, loads.get(s), sums);
                }
                out.add(sums.result(b.name(), s));
            }
        }
        return new AccuracyReport(q, days, clock.instant(), out);
    }

    /** Adds one day's intervals, or counts the day skipped when it cannot be compared whole. */
    private static void addDay(
            Baseline b, BaselineRequest r, LoadSeries load, SiteAccuracy.Sums sums) {
        List<Instant> intervals = r.intervals();
        if (!intervals.stream().allMatch(load::has)) {
            sums.daySkipped();
            return;
        }
        BaselineCurve curve;
        try {
            curve = b.compute(r, load);
        } catch (BaselineUnavailableException e) {
            sums.daySkipped();
            return;
        }
        for (int i = 0; i < intervals.size(); i++) {
            sums.add(curve.kw().get(i), load.kw(intervals.get(i)));
        }
        sums.dayUsed();
    }
}
