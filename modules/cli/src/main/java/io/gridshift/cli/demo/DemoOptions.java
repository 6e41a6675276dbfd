package io.gridshift.cli.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * What the demo runs.
 *
 * @param sites simulated data centers, spread over the four zones
 * @param start the simulated clock's start
 * @param span simulated time the demo runs through before its summary
 * @param step simulated time between two agent cycles (each site reads and reports once)
 * @param eventAfter when, after the start, the VTN's operator creates the event
 * @param eventLead how long after its creation the event starts
 * @param eventLength how long the event lasts
 * @param requestShare share of the fleet's measured flexibility the event asks for
 * @param httpPort the aggregator's HTTP port (API and dashboard); 0 for a free one
 * @param keepServing after the summary, go on in real time until stopped
 * @param migrate give the orchestrator the zones' tariffs and carbon, so that it may move
 *     migratable jobs out of the event's zones (off by default: see the module's README)
 */
public record DemoOptions(
        int sites,
        Instant start,
        Duration span,
        Duration step,
        Duration eventAfter,
        Duration eventLead,
        Duration eventLength,
        double requestShare,
        int httpPort,
        boolean keepServing,
        boolean migrate) {

    public DemoOptions {
        if (sites < 1 || sites > 1000) {
            throw new IllegalArgumentException("sites must be 1 to 1000, got " + sites);
        }
        positive("span", span);
        positive("step", step);
        positive("eventLength", eventLength);
        positive("eventLead", eventLead);
        if (eventAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "eventAfter must not be negative, got " + eventAfter);
        }
        if (eventAfter.plus(eventLead).plus(eventLength).compareTo(span) > 0) {
            throw new IllegalArgumentException(
                    "the event (created at "
                            + eventAfter
                            + ", starting "
                            + eventLead
                            + " later, lasting "
                            + eventLength
                            + ") must end within the span "
                            + span);
        }
        if (!(requestShare > 0 && requestShare <= 1)) {
            throw new IllegalArgumentException(
                    "requestShare must be in (0, 1], got " + requestShare);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 0 to 65535, got " + httpPort);
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** When the event starts. */
    public Instant eventStart() {
        return start.plus(eventAfter).plus(eventLead);
    }

    /** When the event ends. */
    public Instant eventEnd() {
        return eventStart().plus(eventLength);
    }
}
