package io.gridshift.aggregator.event;

/** Where the closed loop reads sites from (the cluster's fleet and order maps). */
@FunctionalInterface
public interface SiteReadings {
    /**
     * @param site the site's id
     * @param orderId its event order's id
     */
    SiteReading read(String site, String orderId);
}
