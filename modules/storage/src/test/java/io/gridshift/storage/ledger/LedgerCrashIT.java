package io.gridshift.storage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.StorageTarget;
import io.gridshift.storage.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a process writing through the ledger loses nothing it was told was recorded: every
 * event, order and ack id the child printed (after its record call returned) is in the database.
 */
class LedgerCrashIT {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyReportedRecordSurvivesSigkill(String kind) throws Exception {
        try (StorageTarget target =
                "h2".equals(kind) ? StorageTarget.h2() : StorageTarget.postgres()) {
            target.openEmpty().close();
            // GIVEN a child JVM writing orders and acks through the ledger
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child =
                    new ProcessBuilder(
                                    java.toString(),
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    CrashingWriter.class.getName(),
                                    target.options().jdbcUrl(),
                                    target.options().user())
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
            List<String> reported = new ArrayList<>();
            try (BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(
                                    child.getInputStream(), StandardCharsets.UTF_8))) {
                // WHEN it has reported 200 acks, it is killed mid-stream (SIGKILL)
                long acks = 0;
                String line;
                while (acks < 200 && (line = lines.readLine()) != null) {
                    reported.add(line);
                    if (line.startsWith("ack ")) {
                        acks++;
                    }
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                drain(lines, reported);
            }
            assertThat(reported).contains("event ev-1").hasSizeGreaterThan(400);
            // THEN every reported id is in the ledger
            try (Database db = Database.open(target.options())) {
                LedgerReader reader =
                        new Ledger(db.dataSource(), new ManualClock(Instant.EPOCH)).reader();
                assertThat(reader.event(EventId.of("ev-1"))).isPresent();
                for (String r : reported) {
                    String[] parts = r.split(" ");
                    if (parts[0].equals("order")) {
                        assertThat(reader.revision(DispatchId.of(parts[1]), 1)).as(r).isPresent();
                    } else if (parts[0].equals("ack")) {
                        assertThat(reader.acks(DispatchId.of(parts[1])))
                                .as(r)
                                .extracting(a -> a.status())
                                .containsExactly(AckStatus.ACCEPTED);
                    }
                }
            }
        }
    }

    /** Lines the child printed before it died but that were not read yet count as reported. */
    private static void drain(BufferedReader lines, List<String> reported) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank() && line.indexOf(' ') > 0 && line.split(" ").length == 2) {
                    reported.add(line);
                }
            }
        } catch (IOException e) {
            // the pipe closed with the process: nothing more was reported
        }
    }
}
