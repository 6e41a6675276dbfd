package io.gridshift.aggregator.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.dispatch.DispatchView;
import io.gridshift.domain.dispatch.DispatchId;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code EventDeliveryIT}'s view of the rebound: the limits the aggregator sent, held against the
 * sites' simulations. At each step after the event, the load the owing sites still heard add above
 * their shadows (the same sites without orders) is compared with the sum of the limits they were
 * sent for that minute.
 */
final class ReboundWatch {
    /** The chillers follow the IT load a step late, and the batch's PUE is linearised. */
    static final double TOLERANCE = 0.05;

    private static final double SLACK_KW = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ReboundWatch.class);

    private final StringBuilder table = new StringBuilder();
    private int steps;
    private int within;
    private double highestLimitKw;

    /** One step at {@code now}, on the delivery {@code d} and the sims of the sites still heard. */
    void record(JsonObject d, Map<String, SimulatedDataCenter> heard, Instant now) {
        JsonObject sent = d.getJsonObject("rebound").getJsonObject("dispatched");
        if (sent == null || now.isBefore(Instant.parse(sent.getString("from")))) {
            return;
        }
        long minute = Duration.between(Instant.parse(sent.getString("from")), now).toMinutes();
        double addedKw = 0;
        double limitKw = 0;
        for (String site : d.getJsonObject("sites").fieldNames()) {
            JsonObject r = d.getJsonObject("sites").getJsonObject(site).getJsonObject("rebound");
            SimulatedDataCenter sim = heard.get(site);
            if (r == null || sim == null || minute >= r.getJsonArray("maxAddedKw").size()) {
                continue;
            }
            limitKw += r.getJsonArray("maxAddedKw").getDouble((int) minute);
            addedKw += sim.state(now).gridImportKw() - sim.baseline(now).gridImportKw();
        }
        steps++;
        highestLimitKw = Math.max(highestLimitKw, limitKw);
        boolean ok = addedKw <= limitKw * (1 + TOLERANCE) + SLACK_KW;
        within += ok ? 1 : 0;
        table.append(
                String.format(
                        Locale.ROOT,
                        "%s minute %d: added %.0f kW, limits %.0f kW%s%n",
                        now,
                        minute,
                        addedKw,
                        limitKw,
                        ok ? "" : "  <-- over"));
    }

    /**
     * The rebound went out before the end, every owing site still heard took its order, and in
     * every step the owing sites added no more than their limits.
     */
    void assertHeld(
            JsonObject d,
            Instant end,
            double peakFactor,
            Iterable<String> heard,
            DispatchService dispatch)
            throws Exception {
        JsonObject sent = d.getJsonObject("rebound").getJsonObject("dispatched");
        assertThat(sent).as("rebound orders sent").isNotNull();
        assertThat(Instant.parse(sent.getString("sentAt"))).isBefore(end);
        assertThat(Instant.parse(sent.getString("from"))).isEqualTo(end);
        assertThat(sent.getInteger("orders")).isPositive();
        assertThat(sent.getDouble("peakRatio")).isLessThanOrEqualTo(peakFactor + 1e-9);
        assertThat(sent.getDouble("headroomKw"))
                .isCloseTo((peakFactor - 1) * sent.getDouble("fleetBaselineKw"), within(1e-6));
        int taken = 0;
        for (String site : heard) {
            JsonObject p = d.getJsonObject("sites").getJsonObject(site);
            JsonObject r = p == null ? null : p.getJsonObject("rebound");
            if (r == null) {
                continue;
            }
            Optional<DispatchView> v =
                    dispatch.get(DispatchId.of(r.getString("orderId"))).toCompletableFuture().get();
            assertThat(v).as(site).isPresent();
            assertThat(v.get().state())
                    .as(site + " " + v.get().lastAck())
                    .isIn(DispatchState.ACCEPTED, DispatchState.ACTIVE, DispatchState.COMPLETED);
            taken++;
        }
        assertThat(taken).isPositive();
        LOG.info(
                "rebound: {} orders, {} kWh owed, headroom {} kW, highest limits {} kW\n{}",
                sent.getInteger("orders"),
                Math.round(sent.getDouble("owedKwh")),
                Math.round(sent.getDouble("headroomKw")),
                Math.round(highestLimitKw),
                table);
        assertThat(steps).isPositive();
        assertThat(highestLimitKw)
                .as("the limits in force together, against the fleet's headroom")
                .isLessThanOrEqualTo(sent.getDouble("headroomKw") + 1e-6);
        assertThat(within).as(table.toString()).isEqualTo(steps);
    }
}
