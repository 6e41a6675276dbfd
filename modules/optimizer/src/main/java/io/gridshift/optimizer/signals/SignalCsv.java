package io.gridshift.optimizer.signals;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads per-zone signal files. Format (UTF-8, comma separated, one header line):
 *
 * <pre>
 * time_utc,zone,price_per_mwh,carbon_g_per_kwh
 * 2022-03-01T00:00:00Z,DE,112.5,402.1
 * </pre>
 *
 * {@code time_utc} is ISO-8601 with a {@code Z} (UTC); each zone's rows are in time order, evenly
 * spaced (15 minutes or 1 hour), without gaps; a file may hold several zones. Blank lines and lines
 * starting with {@code #} are skipped. Every error names file, line and column: the field is {@code
 * FILE:LINE:COLUMN}.
 */
public final class SignalCsv {
    /** The header every file starts with. */
    public static final String HEADER = "time_utc,zone,price_per_mwh,carbon_g_per_kwh";

    private static final String[] COLUMNS = HEADER.split(",");

    private SignalCsv() {}

    /** Reads a file. */
    public static Map<GridZone, ZoneSignal> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code in}; {@code name} is used in error fields. */
    public static Map<GridZone, ZoneSignal> parse(String name, Reader in) {
        Map<GridZone, Series> byZone = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(in)) {
            String head = r.readLine();
            if (head == null || !head.strip().replace("\uFEFF", "").equals(HEADER)) {
                throw new InvalidFieldException(
                        name + ":1:1", "pattern", head, "must be the header " + HEADER);
            }
            int line = 1;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                row(name, line, text, byZone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<GridZone, ZoneSignal> out = new LinkedHashMap<>();
        for (Map.Entry<GridZone, Series> e : byZone.entrySet()) {
            out.put(e.getKey(), e.getValue().signal(e.getKey()));
        }
        return out;
    }

    private static void row(String name, int line, String text, Map<GridZone, Series> byZone) {
        String[] cells = text.split(",", -1);
        if (cells.length != COLUMNS.length) {
            throw new InvalidFieldException(
                    name + ":" + line + ":" + Math.min(cells.length + 1, 5),
                    "size",
                    cells.length,
                    "must have 4 columns: " + HEADER);
        }
        Instant t;
        try {
            t = Instant.parse(cells[0].strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field(name, line, 0),
                    "pattern",
                    cells[0],
                    "must be an ISO-8601 UTC time such as 2022-03-01T00:00:00Z",
                    e);
        }
        GridZone zone;
        try {
            zone = GridZone.of(cells[1].strip());
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(
                    field(name, line, 1), e.rule(), cells[1], e.expectation());
        }
        double price =
                number(
                        name,
                        line,
                        2,
                        cells[2],
                        -ZoneSignal.MAX_PRICE_PER_MWH,
                        ZoneSignal.MAX_PRICE_PER_MWH);
        double carbon = number(name, line, 3, cells[3], 0, ZoneSignal.MAX_CARBON_G_PER_KWH);
        byZone.computeIfAbsent(zone, z -> new Series()).add(name, line, t, price, carbon);
    }

    private static double number(
            String name, int line, int col, String cell, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(
                    field(name, line, col), "pattern", cell, "must be a number", e);
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new InvalidFieldException(
                    field(name, line, col),
                    "range",
                    cell,
                    "must be a finite number between " + min + " and " + max);
        }
        return v;
    }

    private static String field(String name, int line, int col) {
        return name + ":" + line + ":" + COLUMNS[col];
    }

    /** One zone's rows while reading. */
    private static final class Series {
        final List<Double> price = new ArrayList<>();
        final List<Double> carbon = new ArrayList<>();
        Instant start;
        Instant last;
        Duration step;

        void add(String name, int line, Instant t, double p, double c) {
            if (start == null) {
                start = t;
            } else {
                Duration d = Duration.between(last, t);
                if (step == null) {
                    if (!d.equals(Duration.ofMinutes(15)) && !d.equals(Duration.ofHours(1))) {
                        throw new InvalidFieldException(
                                field(name, line, 0),
                                "order",
                                t,
                                "must follow the zone's previous row by PT15M or PT1H (got "
                                        + d
                                        + ")");
                    }
                    step = d;
                } else if (!d.equals(step)) {
                    throw new InvalidFieldException(
                            field(name, line, 0),
                            "order",
                            t,
                            "must follow the zone's previous row by "
                                    + step
                                    + " (no gaps, in order)");
                }
            }
            last = t;
            price.add(p);
            carbon.add(c);
        }

        ZoneSignal signal(GridZone zone) {
            double[] p = price.stream().mapToDouble(Double::doubleValue).toArray();
            double[] c = carbon.stream().mapToDouble(Double::doubleValue).toArray();
            return new ZoneSignal(zone, start, step == null ? Duration.ofHours(1) : step, p, c);
        }
    }

    /** Writes signals in this format (for examples and exports). */
    public static String format(Iterable<ZoneSignal> signals) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (ZoneSignal s : signals) {
            for (int i = 0; i < s.steps(); i++) {
                b.append(s.start().plus(s.step().multipliedBy(i)))
                        .append(',')
                        .append(s.zone())
                        .append(',')
                        .append(round(s.pricePerMwh()[i]))
                        .append(',')
                        .append(round(s.carbonGPerKwh()[i]))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String round(double v) {
        return Double.toString(Math.round(v * 100) / 100.0);
    }
}
