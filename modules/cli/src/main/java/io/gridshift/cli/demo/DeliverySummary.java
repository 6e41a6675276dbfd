package io.gridshift.cli.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The demo's lines about an event's delivery, from the orchestrator's record. */
final class DeliverySummary {
    private DeliverySummary() {}

    static List<String> lines(Optional<JsonObject> record) {
        List<String> lines = new ArrayList<>();
        if (record.isEmpty()) {
            lines.add("delivery: the aggregator recorded no delivery for the event");
            return lines;
        }
        JsonObject d = record.get();
        JsonArray samples = d.getJsonArray("samples", new JsonArray());
        double committed = 0;
        double measured = 0;
        int n = 0;
        for (int i = 0; i < samples.size(); i++) {
            JsonObject s = samples.getJsonObject(i);
            if (s.getDouble("commitmentKw", 0.0) > 0) {
                committed += s.getDouble("commitmentKw");
                measured += s.getDouble("measuredKw", 0.0);
                n++;
            }
        }
        lines.add(
                String.format(
                        Locale.ROOT,
                        "delivery (%s, solver %s): %d loop steps with a commitment",
                        d.getString("status", "?"),
                        d.getJsonObject("solver", new JsonObject()).getString("solver", "?"),
                        n));
        if (n > 0) {
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "  committed %.0f kW on average, measured reduction %.0f kW (%.1f %%)",
                            committed / n,
                            measured / n,
                            100 * measured / committed));
        }
        lines.add(
                String.format(
                        Locale.ROOT,
                        "  plan cost %.2f, %d jobs migrated to other zones",
                        d.getDouble("cost", 0.0),
                        d.getJsonArray("moves", new JsonArray()).size()));
        return lines;
    }
}
