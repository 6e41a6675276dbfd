package io.gridshift.aggregator.green;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.GreenContract;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the green contracts file, strictly: an unknown key, a missing or ill-typed field, a
 * duplicate site or a value out of range is refused with the file, the field's path (e.g. {@code
 * contracts[1].profileKw[3]}) and the rule; a file that is no JSON with its line and column.
 *
 * <pre>{@code
 * {
 *   "residualMixGPerKwh": { "DE-LU": 620 },
 *   "gridHeadroomKw": { "DE-LU": 50000 },
 *   "contracts": [
 *     { "site": "dc-a", "id": "ppa-wind-01", "carbonGPerKwh": 11,
 *       "profileStart": "2026-07-15T00:00:00Z", "profileKw": [400, 380, 350] },
 *     { "site": "dc-b", "id": "green-tariff", "carbonGPerKwh": 0, "annualMwh": 4380 }
 *   ]
 * }
 * }</pre>
 *
 * A contract has an hourly kW profile from {@code profileStart} (UTC, on the hour; 0 outside it) or
 * an annual volume in MWh spread evenly over the year's 8,760 hours, never both. {@code
 * gridHeadroomKw} is the load the fleet's sites in a zone may add together in any slot (the grid
 * operator's spare capacity there), which the day-ahead scheduler keeps to.
 */
public final class GreenContractsFile {
    private static final Set<String> TOP =
            Set.of("residualMixGPerKwh", "gridHeadroomKw", "contracts");
    private static final Set<String> CONTRACT =
            Set.of("site", "id", "carbonGPerKwh", "profileStart", "profileKw", "annualMwh");

    private GreenContractsFile() {}

    /**
     * The contracts in {@code file}; throws naming the file, the field and the rule ({@code
     * contracts.json: contracts[1].carbonGPerKwh: must be between 0.0 and 5000.0 (rule range, got
     * -1.0)}).
     */
    public static GreenContracts read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.BAD_INPUT, "config_unreadable", "cannot read " + file + ": " + e, e);
        }
        try {
            return parse(text);
        } catch (InvalidFieldException e) {
            throw new GridshiftException(
                    ErrorKind.BAD_INPUT, e.rule(), file + ": " + e.getMessage(), e);
        }
    }

    /** The contracts in {@code json}; errors name the field's path. */
    public static GreenContracts parse(String json) {
        JsonObject root;
        try {
            root = new JsonObject(json);
        } catch (DecodeException e) {
            throw new InvalidFieldException(
                    "(document)", "json", "", "must be a JSON object: " + e.getMessage(), e);
        }
        keys(root, TOP, "(document)");
        Map<GridZone, Double> mix = new HashMap<>();
        JsonObject zones = object(root, "residualMixGPerKwh", "residualMixGPerKwh");
        if (zones != null) {
            for (String z : zones.fieldNames()) {
                String path = "residualMixGPerKwh." + z;
                GridZone zone = zone(z, path);
                mix.put(zone, number(zones, z, path, 0, 5_000));
            }
        }
        Map<GridZone, Double> headroom = new HashMap<>();
        JsonObject limits = object(root, "gridHeadroomKw", "gridHeadroomKw");
        if (limits != null) {
            for (String z : limits.fieldNames()) {
                String path = "gridHeadroomKw." + z;
                headroom.put(zone(z, path), number(limits, z, path, 0, 1e9));
            }
        }
        Map<SiteId, GreenContract> sites = new HashMap<>();
        Object list = root.getValue("contracts");
        if (list != null && !(list instanceof JsonArray)) {
            throw new InvalidFieldException("contracts", "type", list, "must be an array");
        }
        JsonArray contracts = list == null ? new JsonArray() : (JsonArray) list;
        for (int i = 0; i < contracts.size(); i++) {
            String path = "contracts[" + i + "]";
            if (!(contracts.getValue(i) instanceof JsonObject c)) {
                throw new InvalidFieldException(
                        path, "type", contracts.getValue(i), "must be an object");
            }
            SiteId site = site(c, path + ".site");
            if (sites.put(site, contract(c, path)) != null) {
                throw new InvalidFieldException(
                        path + ".site", "unique", site.value(), "must name a site only once");
            }
        }
        return new GreenContracts(sites, mix, headroom);
    }

    private static GreenContract contract(JsonObject c, String path) {
        keys(c, CONTRACT, path);
        String id = text(c, "id", path + ".id");
        double carbon = number(c, "carbonGPerKwh", path + ".carbonGPerKwh", 0, 5_000);
        boolean profile = c.containsKey("profileKw");
        if (profile == c.containsKey("annualMwh")) {
            throw new InvalidFieldException(
                    path + ".profileKw",
                    "exclusive",
                    null,
                    "must be given, or annualMwh, but not both");
        }
        try {
            if (!profile) {
                return GreenContract.annual(
                        id, number(c, "annualMwh", path + ".annualMwh", 0, 1e9), carbon);
            }
            return GreenContract.profile(id, start(c, path), profileKw(c, path), carbon);
        } catch (InvalidFieldException e) {
            throw e.field().startsWith(path) ? e : e.under(path);
        }
    }

    private static Instant start(JsonObject c, String path) {
        String text = text(c, "profileStart", path + ".profileStart");
        Instant start;
        try {
            start = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    path + ".profileStart",
                    "format",
                    text,
                    "must be a UTC time (2026-07-15T00:00:00Z)",
                    e);
        }
        if (start.getEpochSecond() % 3600 != 0 || start.getNano() != 0) {
            throw new InvalidFieldException(
                    path + ".profileStart", "pattern", text, "must be on the hour");
        }
        return start;
    }

    private static double[] profileKw(JsonObject c, String path) {
        if (!(c.getValue("profileKw") instanceof JsonArray kw) || kw.isEmpty()) {
            throw new InvalidFieldException(
                    path + ".profileKw",
                    "type",
                    c.getValue("profileKw"),
                    "must be a non-empty" + " array of kW");
        }
        double[] out = new double[kw.size()];
        for (int i = 0; i < out.length; i++) {
            String p = path + ".profileKw[" + i + "]";
            if (!(kw.getValue(i) instanceof Number n)) {
                throw new InvalidFieldException(p, "type", kw.getValue(i), "must be a number");
            }
            out[i] = range(n.doubleValue(), p, 0, 1e7);
        }
        return out;
    }

    private static void keys(JsonObject o, Set<String> known, String path) {
        for (String k : o.fieldNames()) {
            if (!known.contains(k)) {
                throw new InvalidFieldException(
                        path + "." + k, "unknown", k, "is not a known key (known: " + known + ")");
            }
        }
    }

    private static JsonObject object(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (v != null && !(v instanceof JsonObject)) {
            throw new InvalidFieldException(path, "type", v, "must be an object");
        }
        return (JsonObject) v;
    }

    private static String text(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (!(v instanceof String s)) {
            throw new InvalidFieldException(
                    path, v == null ? "required" : "type", v, "must be a string");
        }
        return s;
    }

    private static double number(JsonObject o, String key, String path, double min, double max) {
        Object v = o.getValue(key);
        if (!(v instanceof Number n)) {
            throw new InvalidFieldException(
                    path, v == null ? "required" : "type", v, "must be a number");
        }
        return range(n.doubleValue(), path, min, max);
    }

    private static double range(double v, String path, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new InvalidFieldException(
                    path, "range", v, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static SiteId site(JsonObject c, String path) {
        String text = text(c, "site", path);
        try {
            return SiteId.of(text);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(path, e.rule(), text, e.expectation(), e);
        }
    }

    private static GridZone zone(String code, String path) {
        try {
            return GridZone.of(code);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(path, e.rule(), code, e.expectation(), e);
        }
    }
}
