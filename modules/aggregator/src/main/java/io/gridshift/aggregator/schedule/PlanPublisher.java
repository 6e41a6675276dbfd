package io.gridshift.aggregator.schedule;

import io.gridshift.domain.schedule.SitePlan;
import java.util.concurrent.CompletionStage;

/**
 * Hands a site's plan version to the transports: retained on the site's MQTT plan topic (an agent
 * that connects later still gets it) and, for CoAP, a change of the observed plan resource.
 */
@FunctionalInterface
public interface PlanPublisher {
    CompletionStage<Void> publish(SitePlan plan);
}
