package io.gridshift.aggregator.fleet;

/**
 * How well a site's readings arrive, counted by {@code seq}: what came, what came twice, what is
 * still missing (a gap in the sequence not filled since) and what came late to fill a gap.
 *
 * @param received readings accepted
 * @param duplicates copies of a reading already received, dropped
 * @param missing readings skipped in the sequence and never received
 * @param late readings that arrived after a later one
 */
public record DeliveryQuality(long received, long duplicates, long missing, long late) {
    /** The share of the sequence that arrived, 1.0 when nothing is missing. */
    public double completeness() {
        long expected = received + missing;
        return expected == 0 ? 1.0 : (double) received / expected;
    }
}
