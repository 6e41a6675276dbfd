package io.gridshift.aggregator.green;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.ledger.NodeLedger;
import io.gridshift.aggregator.schedule.SignalStore;
import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.accounting.GreenAccounting;
import io.gridshift.optimizer.accounting.HourAccount;
import io.gridshift.optimizer.signals.GreenContract;
import io.gridshift.storage.meter.MeterRepository.HourlyEnergy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Each site's hourly consumption from the ledger matched against its green contract and the grid's
 * carbon intensity ({@link GreenAccounting}), and the fleet's sums. Sites: those the fleet knows,
 * those with a contract and those with meter data in the period. Carbon comes from the zone's
 * signals as this node keeps them ({@link SignalStore#hourlyCarbon}); a site whose zone the fleet
 * does not know, and a node without signals, have no carbon data. Blocking (reads the ledger and
 * the cluster's fleet).
 */
public final class GreenAccountant {
    /** The longest period one request may ask for. */
    public static final Duration MAX_PERIOD = Duration.ofDays(31);

    /** A name for the zone of a site the fleet does not know (no residual mix, no carbon). */
    private static final GridZone UNKNOWN = GridZone.of("UNKNOWN");

    /** kWh per site and hour in [from, to); {@code site} null: every site. */
    @FunctionalInterface
    public interface Meter {
        Map<SiteId, Map<Instant, HourlyEnergy>> hourly(Instant from, Instant to, SiteId site);
    }

    /** The grid's g/kWh per hour from {@code from}, NaN where unknown. */
    @FunctionalInterface
    public interface Carbon {
        double[] hourly(GridZone zone, Instant from, int hours);
    }

    private final Meter meter;
    private final Supplier<Map<SiteId, GridZone>> zones;
    private final Carbon carbon;
    private final GreenContracts contracts;

    /**
     * @param zones each site the fleet knows with its zone (a null zone: not known yet)
     * @param carbon the grid's intensity; {@code null}: none on this node
     */
    public GreenAccountant(
            Meter meter,
            Supplier<Map<SiteId, GridZone>> zones,
            Carbon carbon,
            GreenContracts contracts) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.carbon = carbon;
        this.contracts = Objects.requireNonNull(contracts, "contracts");
    }

    /**
     * From this node's ledger, the cluster's fleet and this node's signals (null: none), with
     * {@code contracts} (null: none).
     */
    public static GreenAccountant of(
            NodeLedger ledger, FleetState fleet, SignalStore signals, GreenContracts contracts) {
        return new GreenAccountant(
                ledger::hourlyEnergy,
                () -> zones(fleet),
                signals == null ? null : signals::hourlyCarbon,
                contracts == null ? GreenContracts.NONE : contracts);
    }

    private static Map<SiteId, GridZone> zones(FleetState fleet) {
        Map<SiteId, GridZone> out = new HashMap<>();
        for (SiteView v : fleet.sites(null, null, 0, Integer.MAX_VALUE).sites()) {
            String zone = v.envelope() != null ? v.envelope().zone().code() : v.zone();
            out.put(v.site(), zone == null ? null : GridZone.of(zone));
        }
        return out;
    }

    /**
     * The account of [from, to) (whole UTC hours); {@code site}: that site only, which must be
     * known (fleet, contracts or meter data), else every site.
     */
    public GreenAccount account(Instant from, Instant to, SiteId site) {
        Check.required("from", from);
        Check.required("to", to);
        int n = (int) Duration.between(from, to).toHours();
        Map<SiteId, GridZone> known = zones.get();
        Map<SiteId, Map<Instant, HourlyEnergy>> metered = meter.hourly(from, to, site);
        SortedSet<SiteId> sites = new TreeSet<>();
        if (site != null) {
            if (!known.containsKey(site)
                    && !contracts.sites().containsKey(site)
                    && !metered.containsKey(site)) {
                throw new InvalidFieldException(
                        "site",
                        "known",
                        site.value(),
                        "must be a site of the fleet, of the green contracts or with meter data"
                                + " in the period");
            }
            sites.add(site);
        } else {
            sites.addAll(known.keySet());
            sites.addAll(contracts.sites().keySet());
            sites.addAll(metered.keySet());
        }
        List<SiteGreen> out = new ArrayList<>();
        for (SiteId s : sites) {
            out.add(site(s, known.get(s), metered.getOrDefault(s, Map.of()), from, n));
        }
        List<GreenTotals> fleetHours = new ArrayList<>();
        List<GreenHour> all = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            List<GreenHour> hour = new ArrayList<>();
            for (SiteGreen s : out) {
                hour.add(s.hours().get(h));
            }
            Instant start = from.plus(Duration.ofHours(h));
            fleetHours.add(totals(start, start.plus(Duration.ofHours(1)), hour));
            all.addAll(hour);
        }
        return new GreenAccount(from, to, out, fleetHours, totals(from, to, all));
    }

    private SiteGreen site(
            SiteId site, GridZone zone, Map<Instant, HourlyEnergy> metered, Instant from, int n) {
        GreenContract contract = contracts.contract(site);
        double[] grid;
        if (zone == null || carbon == null) {
            grid = new double[n];
            Arrays.fill(grid, Double.NaN);
        } else {
            grid = carbon.hourly(zone, from, n);
        }
        List<GreenHour> hours = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            Instant t = from.plus(Duration.ofHours(h));
            HourlyEnergy e = metered.get(t);
            HourAccount a =
                    e == null
                            ? null
                            : GreenAccounting.hour(
                                    t,
                                    e.kwh(),
                                    grid[h],
                                    contract,
                                    contracts.zone(zone == null ? UNKNOWN : zone));
            hours.add(
                    new GreenHour(
                            t, e == null ? 0 : e.minutes(), grid[h], contract.supplyKwh(t), a));
        }
        return new SiteGreen(
                site,
                zone,
                contract.id(),
                hours,
                totals(from, from.plus(Duration.ofHours(n)), hours));
    }

    private static GreenTotals totals(Instant from, Instant to, List<GreenHour> hours) {
        List<HourAccount> accounted = new ArrayList<>();
        int noMeter = 0;
        int noCarbon = 0;
        double metered = 0;
        for (GreenHour h : hours) {
            if (h.metered()) {
                metered += h.account().consumptionKwh();
            } else {
                noMeter++;
            }
            if (!h.carbonKnown()) {
                noCarbon++;
            }
            if (h.accounted()) {
                accounted.add(h.account());
            }
        }
        return new GreenTotals(
                hours.size(),
                accounted.size(),
                noMeter,
                noCarbon,
                metered,
                GreenAccounting.period(from, to, accounted));
    }
}
