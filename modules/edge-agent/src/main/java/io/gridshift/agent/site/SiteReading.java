package io.gridshift.agent.site;

/**
 * What a site adapter measures at one instant. The agent turns it into {@code Telemetry} by adding
 * the site id, its sequence number and the active order.
 *
 * @param facilityKw the whole facility's draw
 * @param itKw the IT load within it
 * @param gridImportKw net import from the grid (negative when exporting)
 * @param onsiteGenKw on-site generation output
 * @param batterySocPct state of charge of the site's battery; {@code null} without one
 */
public record SiteReading(
        double facilityKw,
        double itKw,
        double gridImportKw,
        double onsiteGenKw,
        Double batterySocPct) {}
