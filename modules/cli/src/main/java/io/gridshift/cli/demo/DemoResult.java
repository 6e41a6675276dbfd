package io.gridshift.cli.demo;

import io.vertx.core.json.JsonObject;

/**
 * What one demo run measured.
 *
 * @param sites agents started
 * @param before the fleet just before the VTN's operator created the event
 * @param during the fleet halfway through the event
 * @param gridEvent the event as the aggregator recorded it, with the VEN's opt decision
 * @param delivery how the fleet delivered it; null when the VEN opted out
 * @param dashboard the dashboard's address; null when the dashboard is not on the class path
 */
public record DemoResult(
        int sites,
        DemoSnapshot before,
        DemoSnapshot during,
        JsonObject gridEvent,
        DeliveryFigures delivery,
        String dashboard) {}
