package io.gridshift.aggregator.schedule;

import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The price and carbon forecasts the scheduler plans on, per zone, on this node. Fed by CSV files,
 * the HTTP feed and OpenADR ELECTRICITY_PRICE events ({@link SignalFeeds}); each feed replaces a
 * zone's forecast whole, while an OpenADR price is an overlay on it (the event carries no carbon),
 * kept until its interval passed. Listeners hear of every change (the schedule service re-plans).
 * Each zone's carbon intensity is also kept per quarter hour, as the feeds last gave it, after a
 * feed has moved on ({@link #hourlyCarbon}, for green-power accounting on actuals), for {@link
 * #CARBON_RETENTION}. Thread-safe.
 */
public final class SignalStore {
    private final Map<GridZone, ZoneSignal> forecasts = new HashMap<>();
    private final Map<GridZone, List<PriceOverlay>> overlays = new HashMap<>();
    private final Map<GridZone, String> sources = new HashMap<>();
    private final Map<GridZone, TreeMap<Instant, Double>> carbon = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long changes;

    /** How long quarter-hour carbon values are kept after the zone's newest one. */
    public static final Duration CARBON_RETENTION = Duration.ofDays(400);

    private static final Duration QUARTER = Duration.ofMinutes(15);

    /** A price set by an event for [start, end), currency per MWh. */
    public record PriceOverlay(Instant start, Instant end, double pricePerMwh, String source) {}

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Replaces the forecasts of the zones in {@code signals}; {@code source} says where from. */
    public void put(Map<GridZone, ZoneSignal> signals, String source) {
        if (signals.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Map.Entry<GridZone, ZoneSignal> e : signals.entrySet()) {
                forecasts.put(e.getKey(), e.getValue());
                sources.put(e.getKey(), source);
                keepCarbon(e.getValue());
            }
            changes++;
        }
        listeners.forEach(Runnable::run);
    }

    /** Adds event prices for {@code zones}. */
    public void overlay(List<GridZone> zones, List<PriceOverlay> prices) {
        if (zones.isEmpty() || prices.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (GridZone z : zones) {
                List<PriceOverlay> list = overlays.computeIfAbsent(z, k -> new ArrayList<>());
                list.removeIf(o -> prices.stream().anyMatch(p -> p.source().equals(o.source())));
                list.addAll(prices);
            }
            changes++;
        }
        listeners.forEach(Runnable::run);
    }

    /** Rises with every change. */
    public synchronized long changes() {
        return changes;
    }

    public synchronized Map<GridZone, String> sources() {
        return Map.copyOf(sources);
    }

    public synchronized Map<GridZone, List<PriceOverlay>> overlays() {
        Map<GridZone, List<PriceOverlay>> copy = new HashMap<>();
        overlays.forEach((z, l) -> copy.put(z, List.copyOf(l)));
        return copy;
    }

    /**
     * The grid's carbon intensity of the zone per UTC hour from {@code from} (on the hour): the
     * mean of the hour's four quarter hours as the feeds last gave them; NaN for an hour of which a
     * quarter was never given (or is older than the retention).
     */
    public synchronized double[] hourlyCarbon(GridZone zone, Instant from, int hours) {
        double[] out = new double[hours];
        TreeMap<Instant, Double> kept = carbon.getOrDefault(zone, new TreeMap<>());
        for (int h = 0; h < hours; h++) {
            double sum = 0;
            for (int q = 0; q < 4; q++) {
                sum += kept.getOrDefault(from.plus(QUARTER.multipliedBy(h * 4L + q)), Double.NaN);
            }
            out[h] = sum / 4;
        }
        return out;
    }

    /**
     * Keeps the series' carbon per whole quarter hour it covers: a step of 15 minutes or more gives
     * each of its quarters its value, shorter steps their mean.
     */
    private void keepCarbon(ZoneSignal s) {
        TreeMap<Instant, Double> kept = carbon.computeIfAbsent(s.zone(), z -> new TreeMap<>());
        long first = Math.floorDiv(s.start().getEpochSecond() + 899, 900) * 900;
        Duration step = s.step().compareTo(QUARTER) < 0 ? s.step() : QUARTER;
        for (Instant q = Instant.ofEpochSecond(first);
                !q.plus(QUARTER).isAfter(s.end());
                q = q.plus(QUARTER)) {
            double sum = 0;
            int n = 0;
            for (Instant t = q; t.isBefore(q.plus(QUARTER)); t = t.plus(step)) {
                sum += s.carbonAt(t);
                n++;
            }
            kept.put(q, sum / n);
        }
        if (!kept.isEmpty()) {
            kept.headMap(kept.lastKey().minus(CARBON_RETENTION)).clear();
        }
    }

    /**
     * The zone's forecast over [from, to) in steps of {@code slot}, with event prices laid over it;
     * {@code null} when the zone has no forecast covering that window.
     */
    public synchronized ZoneSignal forecast(
            GridZone zone, Instant from, Instant to, Duration slot) {
        ZoneSignal base = forecasts.get(zone);
        if (base == null || base.indexOf(from) < 0 || base.indexOf(to.minusNanos(1)) < 0) {
            return null;
        }
        int n = (int) (Duration.between(from, to).toSeconds() / slot.toSeconds());
        double[] price = new double[n];
        double[] carbon = new double[n];
        List<PriceOverlay> over = overlays.getOrDefault(zone, List.of());
        for (int i = 0; i < n; i++) {
            Instant t = from.plus(slot.multipliedBy(i));
            int k = base.indexOf(t);
            price[i] = base.pricePerMwh()[k];
            carbon[i] = base.carbonGPerKwh()[k];
            for (PriceOverlay o : over) {
                if (!t.isBefore(o.start()) && t.isBefore(o.end())) {
                    price[i] = o.pricePerMwh();
                }
            }
        }
        return new ZoneSignal(zone, from, slot, price, carbon);
    }
}
