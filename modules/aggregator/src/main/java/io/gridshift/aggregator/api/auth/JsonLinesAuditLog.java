package io.gridshift.aggregator.api.auth;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only audit log: one JSON object a line ({@code actor}, {@code action}, {@code target},
 * {@code detail}, {@code at}), written and forced to disk before the call returns.
 */
public final class JsonLinesAuditLog implements AuditLog {
    private final Path file;

    public JsonLinesAuditLog(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("api.auditFile: cannot create " + file.getParent(), e);
        }
    }

    @Override
    public synchronized void record(AuditEntry e) {
        JsonObject line =
                new JsonObject()
                        .put("actor", e.actor())
                        .put("action", e.action())
                        .put("target", e.target())
                        .put("detail", e.detail())
                        .put("at", e.at().toString());
        try {
            Files.writeString(
                    file,
                    line.encode() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException ex) {
            throw new UncheckedIOException("audit log " + file + " not written", ex);
        }
    }

    public Path file() {
        return file;
    }
}
