package io.gridshift.optimizer.schedule;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Jobs and sites files (UTF-8, comma separated, one header line, {@code #} comments). Times are
 * ISO-8601 UTC ({@code 2022-03-01T08:00:00Z}), durations ISO-8601 ({@code PT2H30M}). Errors name
 * {@code FILE:LINE:COLUMN}.
 *
 * <pre>
 * id,origin,class,arrival_utc,deadline_utc,duration,kw,interruptible,data_gb,allowed_zones,max_latency_ms
 * train-1,dc-de,ml-training,2022-03-01T08:00:00Z,2022-03-02T08:00:00Z,PT6H,400,true,200,DE;FR;SE-SE3,
 *
 * id,zone,hosting_kw,import_limit_kw,baseline_kw
 * dc-de,DE,2000,6000,3000
 * </pre>
 *
 * {@code allowed_zones}: zones separated by {@code ;}, empty for any zone. {@code max_latency_ms}:
 * empty for no limit.
 */
public final class ScheduleCsv {
    public static final String JOBS_HEADER =
            "id,origin,class,arrival_utc,deadline_utc,duration,kw,interruptible,data_gb,"
                    + "allowed_zones,max_latency_ms";
    public static final String SITES_HEADER = "id,zone,hosting_kw,import_limit_kw,baseline_kw";

    private ScheduleCsv() {}

    public static List<ScheduleJob> readJobs(Path file) {
        return read(file, JOBS_HEADER, ScheduleCsv::job);
    }

    public static List<ScheduleSite> readSites(Path file) {
        return read(file, SITES_HEADER, ScheduleCsv::site);
    }

    public static List<ScheduleJob> parseJobs(String name, Reader in) {
        return parse(name, in, JOBS_HEADER, ScheduleCsv::job);
    }

    public static List<ScheduleSite> parseSites(String name, Reader in) {
        return parse(name, in, SITES_HEADER, ScheduleCsv::site);
    }

    private static <T> List<T> read(Path file, String header, Function<Row, T> map) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r, header, map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> parse(String name, Reader in, String header, Function<Row, T> map) {
        List<T> out = new ArrayList<>();
        String[] cols = header.split(",");
        try (BufferedReader r = new BufferedReader(in)) {
            String head = r.readLine();
            if (head == null || !head.strip().replace("\uFEFF", "").equals(header)) {
                throw new InvalidFieldException(
                        name + ":1:1", "pattern", head, "must be the header " + header);
            }
            int line = 1;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != cols.length) {
                    throw new InvalidFieldException(
                            name + ":" + line,
                            "size",
                            cells.length,
                            "must have " + cols.length + " columns: " + header);
                }
                out.add(map.apply(new Row(name, line, cols, cells)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ScheduleJob job(Row r) {
        Set<GridZone> zones = new HashSet<>();
        String allowed = r.text(9);
        if (!allowed.isEmpty()) {
            for (String z : allowed.split(";")) {
                zones.add(r.get(9, () -> GridZone.of(z.strip())));
            }
        }
        String lat = r.text(10);
        double maxLatency = lat.isEmpty() ? ScheduleJob.ANY_LATENCY : r.number(10);
        String inter = r.text(7);
        if (!inter.equals("true") && !inter.equals("false")) {
            throw new InvalidFieldException(r.field(7), "pattern", inter, "must be true or false");
        }
        return r.whole(
                () ->
                        new ScheduleJob(
                                r.text(0),
                                r.get(1, () -> SiteId.of(r.text(1))),
                                r.text(2),
                                r.get(3, () -> Instant.parse(r.text(3))),
                                r.get(4, () -> Instant.parse(r.text(4))),
                                r.get(5, () -> Duration.parse(r.text(5))),
                                r.number(6),
                                Boolean.parseBoolean(inter),
                                r.number(8),
                                zones,
                                maxLatency));
    }

    private static ScheduleSite site(Row r) {
        return r.whole(
                () ->
                        new ScheduleSite(
                                r.get(0, () -> SiteId.of(r.text(0))),
                                r.get(1, () -> GridZone.of(r.text(1))),
                                r.number(2),
                                r.number(3),
                                r.number(4)));
    }

    /** One line's cells, with errors that name file, line and column. */
    private record Row(String file, int line, String[] cols, String[] cells) {
        String text(int c) {
            return cells[c].strip();
        }

        String field(int c) {
            return file + ":" + line + ":" + cols[c];
        }

        double number(int c) {
            return get(
                    c,
                    () -> {
                        double v = Double.parseDouble(text(c));
                        if (!Double.isFinite(v)) {
                            throw new NumberFormatException("not finite");
                        }
                        return v;
                    });
        }

        <T> T get(int c, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException(field(c), e.rule(), text(c), e.expectation());
            } catch (RuntimeException e) {
                throw new InvalidFieldException(
                        field(c), "pattern", text(c), "must be a valid " + cols[c], e);
            }
        }

        /** A record's own checks (e.g. deadline before arrival) name the line and the field. */
        <T> T whole(java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidFieldException e) {
                if (e.field().startsWith(file + ":")) {
                    throw e;
                }
                throw new InvalidFieldException(
                        file + ":" + line + ":" + e.field(), e.rule(), e.value(), e.expectation());
            }
        }
    }
}
