package io.gridshift.domain.dispatch;

import io.gridshift.domain.Check;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An order to one site for a window. A new revision of the same id replaces the old one; the site
 * reverts every action at {@code end} by its own clock, whatever else it hears.
 *
 * @param id the order's id
 * @param revision starts at 1, rises with each change
 * @param eventId the grid event it serves; {@code null} for a scheduled plan
 * @param site the site that must act
 * @param issuedAt when the aggregator issued this revision
 * @param start when the actions begin
 * @param end when every action is undone
 * @param actions what to do, at least one
 */
public record DispatchOrder(
        DispatchId id,
        int revision,
        EventId eventId,
        SiteId site,
        Instant issuedAt,
        Instant start,
        Instant end,
        List<DispatchAction> actions) {
    /** No single order lasts longer than two days. */
    public static final Duration MAX_WINDOW = Duration.ofHours(48);

    public DispatchOrder {
        Check.required("dispatchId", id);
        Check.range("revision", revision, 1, Integer.MAX_VALUE);
        Check.required("site", site);
        Check.required("issuedAt", issuedAt);
        Check.required("start", start);
        Check.required("end", end);
        Check.after("end", end, "start", start);
        Check.duration("window", Duration.between(start, end), MAX_WINDOW);
        actions = List.copyOf(Check.size("actions", actions, 1, 1024));
    }

    public boolean isActiveAt(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Whether this order is a later revision of {@code other}. */
    public boolean supersedes(DispatchOrder other) {
        return id.equals(other.id) && revision > other.revision;
    }

    /** Net reduction asked of the site (migrations in count as negative). */
    public double netReductionKw() {
        double kw = 0;
        for (DispatchAction a : actions) {
            kw += a.reductionKw();
        }
        return kw;
    }
}
