package io.gridshift.cli.demo;

import io.gridshift.aggregator.AggregatorNode;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Where the fleet's response to a grid event plugs into the demo: the allocation across sites and
 * the closed loop (dispatch, delivery tracking, re-dispatch) that another part of the project is
 * building. The demo calls it once the VEN has opted in, and prints what it returns in the summary.
 * Until it is there, {@link #NOT_YET} answers, and the summary says so.
 */
public interface EventResponse {
    /** No allocation yet: nothing is dispatched, nothing to report. */
    EventResponse NOT_YET =
            new EventResponse() {
                @Override
                public List<String> respond(AggregatorNode node, JsonObject gridEvent) {
                    return List.of();
                }

                @Override
                public boolean present() {
                    return false;
                }
            };

    /**
     * Responds to {@code gridEvent} (as {@code GET /api/v1/grid-events} shows it) on {@code node};
     * returns lines for the summary (committed vs delivered, cost, migrated work, carbon), each a
     * figure the response measured.
     */
    List<String> respond(AggregatorNode node, JsonObject gridEvent);

    /**
     * The aggregator's own response: the event orchestrator plans, dispatches and tracks the event
     * by itself; at the end this reads its delivery record (commitment, measured reduction per loop
     * step, migrations, cost) from the cluster and reports only what it measured.
     */
    EventResponse ORCHESTRATOR =
            new EventResponse() {
                @Override
                public List<String> respond(AggregatorNode node, JsonObject gridEvent) {
                    return DeliverySummary.lines(
                            node.gridEvents().delivery(gridEvent.getString("eventId")));
                }
            };

    /** Whether a real response is plugged in. */
    default boolean present() {
        return true;
    }
}
