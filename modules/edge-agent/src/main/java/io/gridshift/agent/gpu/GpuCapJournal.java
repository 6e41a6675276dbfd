package io.gridshift.agent.gpu;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The power caps an adapter holds, written to a file before the boards are changed, so that a
 * restarted agent knows which limits it lowered, what they were and until when ({@code
 * gpu.stateFile}). One line per board and order: order, end, index, uuid, previous limit, new
 * limit, draw before.
 */
final class GpuCapJournal {
    /**
     * One order's caps.
     *
     * @param until the order's end: after it the limits go back even if the revert never came
     * @param changes the boards' changes
     */
    record Held(Instant until, List<CapPlan.Change> changes) {}

    private final Path file;

    /**
     * @param file the journal; {@code null} keeps nothing
     */
    GpuCapJournal(Path file) {
        this.file = file;
    }

    Map<DispatchId, Held> load() {
        Map<DispatchId, Held> held = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return held;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    continue;
                }
                DispatchId id = DispatchId.of(f[0]);
                Held h =
                        held.computeIfAbsent(
                                id, k -> new Held(Instant.parse(f[1]), new ArrayList<>()));
                h.changes()
                        .add(
                                new CapPlan.Change(
                                        Integer.parseInt(f[2]),
                                        f[3],
                                        Double.parseDouble(f[4]),
                                        Long.parseLong(f[5]),
                                        Double.parseDouble(f[6])));
            }
            return held;
        } catch (IOException | RuntimeException e) {
            throw failure("read", e);
        }
    }

    void save(Map<DispatchId, Held> held) {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        held.forEach(
                (id, h) -> {
                    for (CapPlan.Change c : h.changes()) {
                        text.append(id.value())
                                .append('\t')
                                .append(h.until())
                                .append('\t')
                                .append(c.index())
                                .append('\t')
                                .append(c.uuid())
                                .append('\t')
                                .append(c.previousLimitW())
                                .append('\t')
                                .append(c.newLimitW())
                                .append('\t')
                                .append(c.drawBeforeW())
                                .append('\n');
                    }
                });
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    private GridshiftException failure(String what, Exception e) {
        return new GridshiftException(
                ErrorKind.UNAVAILABLE,
                "gpu_journal",
                "gpu.stateFile: cannot " + what + " " + file + ": " + e.getMessage(),
                e);
    }
}
