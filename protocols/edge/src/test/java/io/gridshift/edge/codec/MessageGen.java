package io.gridshift.edge.codec;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Valid domain records of every edge message, with full-precision numbers, sub-second instants,
 * optional fields present and absent, free text beyond ASCII, and every resource and action kind.
 */
final class MessageGen {
    private MessageGen() {}

    /** A message of any of the eight kinds. */
    static Record message(Gen g) {
        return switch (g.index(8)) {
            case 0 -> telemetry(g);
            case 1 -> envelope(g);
            case 2 -> status(g);
            case 3 -> order(g);
            case 4 -> ScheduleGen.jobs(g);
            case 5 -> ScheduleGen.plan(g);
            case 6 -> ScheduleGen.planAck(g);
            default -> ack(g);
        };
    }

    static SiteId site(Gen g) {
        return new SiteId(g.id());
    }

    static DispatchId dispatchId(Gen g) {
        return new DispatchId(g.id());
    }

    static Telemetry telemetry(Gen g) {
        return new Telemetry(
                site(g),
                g.between(0, Long.MAX_VALUE),
                g.instant(),
                g.kw(),
                g.kw(),
                g.signedKw(),
                g.kw(),
                g.orNull(0.3, () -> g.number(0, 100)),
                g.orNull(0.5, () -> dispatchId(g)));
    }

    static FlexEnvelope envelope(Gen g) {
        Instant ts = g.instant();
        return new FlexEnvelope(
                site(g),
                ts,
                ts.plusMillis(g.between(1, 3_600_000)),
                ResourceGen.zone(g),
                g.kw(),
                g.kw(),
                ResourceGen.resourceList(g));
    }

    static SiteStatus status(Gen g) {
        return new SiteStatus(
                site(g),
                g.pick(SiteStatus.Availability.class),
                g.instant(),
                g.orNull(0.3, () -> g.text(40)));
    }

    static DispatchOrder order(Gen g) {
        Instant start = g.instant();
        return new DispatchOrder(
                dispatchId(g),
                g.between(1, Integer.MAX_VALUE),
                g.orNull(0.3, () -> new EventId(eventText(g))),
                site(g),
                g.instant(),
                start,
                start.plus(Duration.ofMillis(g.between(1, DispatchOrder.MAX_WINDOW.toMillis()))),
                g.list(1, 6, () -> action(g)));
    }

    /** 1 to 128 printable ASCII characters, spaces excluded. */
    private static String eventText(Gen g) {
        StringBuilder printable = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            printable.append(c);
        }
        return g.chars(printable.toString(), g.between(1, EventId.MAX_LENGTH));
    }

    static DispatchAction action(Gen g) {
        return switch (g.index(4)) {
            case 0 -> new DispatchAction.Reduce(g.id(), g.kw());
            case 1 -> new DispatchAction.MigrateOut(g.id(), site(g), g.kw());
            case 2 -> new DispatchAction.MigrateIn(g.id(), site(g), g.kw());
            default ->
                    new DispatchAction.LimitRebound(
                            g.id(),
                            Duration.ofSeconds(
                                    g.between(
                                            1, DispatchAction.LimitRebound.MAX_STEP.getSeconds())),
                            g.list(1, 20, g::kw));
        };
    }

    /** A reason always where the status needs one, else now and then. */
    static Ack ack(Gen g) {
        AckStatus status = g.pick(AckStatus.class);
        String text = g.text(80);
        boolean needsReason = status == AckStatus.REJECTED || status == AckStatus.FAILED;
        String reason = needsReason ? "why: " + text : text.isEmpty() ? null : text;
        return new Ack(
                dispatchId(g),
                g.between(1, Integer.MAX_VALUE),
                site(g),
                status,
                reason,
                g.orNull(0.4, g::signedKw),
                g.instant());
    }
}
