package io.gridshift.vtn.ven;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registrations as a JSON file, replaced atomically (written beside it, then moved over it), so a
 * crash leaves either the old or the new list, never half of one.
 */
final class VenFile {
    private final Path path;

    VenFile(Path path) {
        this.path = path;
    }

    List<Ven> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            JsonArray list = new JsonObject(Files.readString(path)).getJsonArray("vens");
            List<Ven> vens = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                vens.add(ven(list.getJsonObject(i)));
            }
            return vens;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registrations from " + path, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "registrations file " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    void write(List<Ven> vens) {
        JsonArray list = new JsonArray();
        vens.forEach(v -> list.add(json(v)));
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(
                    tmp,
                    new JsonObject().put("vens", list).encodePrettily(),
                    StandardCharsets.UTF_8);
            Files.move(
                    tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write registrations to " + path, e);
        }
    }

    static JsonObject json(Ven v) {
        return new JsonObject()
                .put("venId", v.venId())
                .put("registrationId", v.registrationId())
                .put("name", v.name())
                .put("profile", v.profile())
                .put("transport", v.transport())
                .put("transportAddress", v.transportAddress())
                .put("pull", v.pull())
                .put("reportOnly", v.reportOnly())
                .put("xmlSignature", v.xmlSignature())
                .put("registeredAt", v.registeredAt().toString())
                .put("fingerprint", v.fingerprint());
    }

    private static Ven ven(JsonObject o) {
        return new Ven(
                o.getString("venId"),
                o.getString("registrationId"),
                o.getString("name"),
                o.getString("profile"),
                o.getString("transport"),
                o.getString("transportAddress"),
                o.getBoolean("pull", true),
                o.getBoolean("reportOnly", false),
                o.getBoolean("xmlSignature", false),
                Instant.parse(o.getString("registeredAt")),
                o.getString("fingerprint"));
    }
}
