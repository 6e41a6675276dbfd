package io.gridshift.cli;

import static io.gridshift.cli.GridshiftCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.cli.GridshiftCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridshift schedule} on the example files of modules/cli/examples/schedule. */
class ScheduleCommandTest {
    private static final Path EXAMPLES = Path.of("examples", "schedule");

    @TempDir Path folder;

    private static String[] args(String... more) {
        List<String> a =
                new java.util.ArrayList<>(
                        List.of(
                                "schedule",
                                "--jobs",
                                EXAMPLES.resolve("jobs.csv").toString(),
                                "--sites",
                                EXAMPLES.resolve("sites.csv").toString(),
                                "--signals",
                                EXAMPLES.resolve("signals.csv").toString(),
                                "--slot",
                                "PT15M"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void printsCostAndEmissionsAgainstRunAtArrival() throws IOException {
        Run r = run(args("--policy", "BOTH"));
        assertThat(r.status()).as(r.err()).isZero();
        Map<String, String[]> rows = rows(r.out());
        // the total covers all 40 jobs; shifting in time and space cuts both cost and carbon
        String[] total = rows.get("total");
        assertThat(total[1]).isEqualTo("40");
        assertThat(num(total[3])).isLessThan(num(total[2]));
        assertThat(num(total[6])).isLessThan(num(total[5]));
        assertThat(rows)
                .containsKeys(
                        "zone DE",
                        "zone PL",
                        "zone ES",
                        "class batch",
                        "class ml-training",
                        "class etl");
        // the baseline of the German jobs, worked out here from the files: kW x 1/4 h x g/kWh
        assertThat(num(rows.get("zone DE")[5])).isCloseTo(germanBaselineKg(), within(0.06));
        assertThat(r.out()).contains("policy BOTH", "gap", "unplaced");
    }

    @Test
    void runAtArrivalIsTheBaselineAndForecastErrorIsNamed() {
        Run base = run(args("--policy", "RUN_AT_ARRIVAL"));
        String[] total = rows(base.out()).get("total");
        assertThat(total[2]).isEqualTo(total[3]);
        Run noisy = run(args("--policy", "TEMPORAL", "--forecast", "ar1:0.3:0.9:7"));
        assertThat(noisy.status()).isZero();
        assertThat(noisy.out()).contains("forecast ar1(sigma=0.3,phi=0.9,seed=7)");
    }

    @Test
    void badInputNamesFileLineAndField() throws IOException {
        Path jobs = folder.resolve("jobs.csv");
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("jobs.csv"));
        lines.set(2, lines.get(2).replace(",PT2H,", ",PT-2H,"));
        Files.write(jobs, lines);
        Run r =
                run(
                        "schedule",
                        "--jobs",
                        jobs.toString(),
                        "--sites",
                        EXAMPLES.resolve("sites.csv").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("schedule: bad configuration", "jobs.csv:3:duration");
        Run zone = run(args("--forecast", "oracle"));
        assertThat(zone.status()).isEqualTo(2);
        assertThat(zone.err()).contains("forecast", "perfect, persistence or ar1");
    }

    private double germanBaselineKg() throws IOException {
        Map<Instant, Double> de = new HashMap<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("signals.csv"))) {
            String[] c = line.split(",");
            if (c[1].equals("DE")) {
                de.put(Instant.parse(c[0]), Double.parseDouble(c[3]));
            }
        }
        double kg = 0;
        for (String line : Files.readAllLines(EXAMPLES.resolve("jobs.csv")).subList(1, 41)) {
            String[] c = line.split(",");
            if (!c[1].equals("dc-de")) {
                continue;
            }
            Instant t = Instant.parse(c[3]);
            Instant end = t.plus(Duration.parse(c[5]));
            for (; t.isBefore(end); t = t.plus(Duration.ofMinutes(15))) {
                Instant hour = Instant.ofEpochSecond(t.getEpochSecond() / 3600 * 3600);
                kg += Double.parseDouble(c[6]) * 0.25 * de.get(hour) / 1000;
            }
        }
        return kg;
    }

    /** The report's table rows by their group name ({@code total}, {@code zone DE}, ...). */
    private static Map<String, String[]> rows(String out) {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] t = line.trim().split("\\s+");
            int name =
                    t[0].equals("total") ? 1 : t[0].equals("zone") || t[0].equals("class") ? 2 : 0;
            if (name > 0 && t.length == name + 7) {
                String[] row = new String[8];
                row[0] = name == 1 ? t[0] : t[0] + " " + t[1];
                System.arraycopy(t, name, row, 1, 7);
                rows.put(row[0], row);
            }
        }
        return rows;
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
