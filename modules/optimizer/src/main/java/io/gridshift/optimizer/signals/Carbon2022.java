package io.gridshift.optimizer.signals;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The shipped real data: hourly carbon intensity of 123 zones for 2022 (Electricity Maps, ODbL; see
 * the README next to the data) and the Google Cloud latency matrix (Apache 2.0).
 */
public final class Carbon2022 {
    /** First hour of the data. */
    public static final Instant START = Instant.parse("2022-01-01T00:00:00Z");

    /** Hours in 2022. */
    public static final int HOURS = 8760;

    private static final String DATA = "carbon_intensity_2022_hourly.csv.gz";
    private static final String LATENCY = "gcp_latency_matrix.csv";
    private static volatile Carbon2022 cached;

    private final Map<GridZone, double[]> carbon;

    private Carbon2022(Map<GridZone, double[]> carbon) {
        this.carbon = carbon;
    }

    /** Loads (once per JVM) the shipped data. */
    public static Carbon2022 load() {
        Carbon2022 c = cached;
        if (c == null) {
            synchronized (Carbon2022.class) {
                if (cached == null) {
                    cached = new Carbon2022(read());
                }
                c = cached;
            }
        }
        return c;
    }

    /** The 123 zones, sorted. */
    public List<GridZone> zones() {
        List<GridZone> z = new ArrayList<>(carbon.keySet());
        Collections.sort(z);
        return z;
    }

    /** The zone's 8,760 hourly intensities (a copy). */
    public double[] carbon(GridZone zone) {
        double[] c = carbon.get(zone);
        if (c == null) {
            throw new InvalidFieldException(
                    "zone", "reference", zone, "must be one of the 123 zones of the 2022 data");
        }
        return c.clone();
    }

    /** The zone's year as a signal, with synthetic prices from {@code prices}. */
    public ZoneSignal signal(GridZone zone, PriceModel prices) {
        return prices.signal(zone, START, Duration.ofHours(1), carbon(zone), UtcOffsets.of(zone));
    }

    /** Latency in ms between the zones of the Google Cloud matrix (30 of them with carbon data). */
    public static Map<GridZone, Map<GridZone, Double>> latency() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = open(LATENCY, false)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] head = rows.get(0);
        Map<GridZone, Map<GridZone, Double>> out = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            GridZone from = zoneOf(rows.get(i)[0]);
            if (out.containsKey(from)) {
                continue; // second US-MIDA-PJM row
            }
            Map<GridZone, Double> row = new LinkedHashMap<>();
            for (int c = 1; c < head.length; c++) {
                row.putIfAbsent(zoneOf(head[c]), Double.parseDouble(rows.get(i)[c]));
            }
            out.put(from, row);
        }
        return out;
    }

    private static GridZone zoneOf(String label) {
        return GridZone.of(label.startsWith("AUS-") ? "AU-" + label.substring(4) : label);
    }

    private static Map<GridZone, double[]> read() {
        try (BufferedReader r = open(DATA, true)) {
            String[] head = r.readLine().split(",");
            double[][] cols = new double[head.length - 1][HOURS];
            int row = 0;
            for (String line = r.readLine(); line != null; line = r.readLine(), row++) {
                int from = line.indexOf(',') + 1;
                for (int c = 0; c < cols.length; c++) {
                    int to = line.indexOf(',', from);
                    to = to < 0 ? line.length() : to;
                    cols[c][row] = Double.parseDouble(line.substring(from, to));
                    from = to + 1;
                }
            }
            if (row != HOURS) {
                throw new IllegalStateException(DATA + " has " + row + " rows, expected " + HOURS);
            }
            Map<GridZone, double[]> out = new HashMap<>();
            for (int c = 0; c < cols.length; c++) {
                out.put(GridZone.of(head[c + 1]), cols[c]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(String name, boolean gzip) throws IOException {
        InputStream in = Carbon2022.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " missing from the optimizer jar");
        }
        InputStream raw = gzip ? new GZIPInputStream(in, 1 << 16) : in;
        return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
    }
}
