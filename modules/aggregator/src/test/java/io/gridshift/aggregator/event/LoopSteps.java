package io.gridshift.aggregator.event;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** {@code EventDeliveryIT}'s log of the closed loop's steps, to see how a minute was reached. */
final class LoopSteps {
    private LoopSteps() {}

    /** The loop's steps of the first minutes and around the intervals' boundary, logged. */
    static void log(JsonObject d, Instant start) {
        StringBuilder steps =
                new StringBuilder(
                        "loop steps of minutes 0-3 and 8-11"
                                + " (at, commitment, measured, in flight, ordered, revised):");
        for (Object o : d.getJsonArray("samples")) {
            JsonObject x = (JsonObject) o;
            long minute = Duration.between(start, Instant.parse(x.getString("at"))).toMinutes();
            if (minute < 4 || (minute >= 8 && minute < 12)) {
                steps.append(
                        String.format(
                                java.util.Locale.ROOT,
                                "%n%s %.0f %.0f %.0f %.0f %d",
                                x.getString("at"),
                                x.getDouble("commitmentKw"),
                                x.getDouble("measuredKw"),
                                x.getDouble("inFlightKw", 0.0),
                                x.getDouble("orderedKw"),
                                x.getInteger("revised")));
            }
        }
        org.slf4j.LoggerFactory.getLogger(EventDeliveryIT.class).info(steps.toString());
    }
}
