package io.gridshift.storage.settlement;

import io.gridshift.domain.event.EventId;
import java.time.Instant;
import java.util.List;

/** An event's settlement: one entry per site that had a bid, by site id. */
public record EventSettlement(
        EventId eventId,
        long modificationNumber,
        String program,
        String baselineMethod,
        Instant computedAt,
        List<SiteSettlement> sites) {
    public EventSettlement {
        sites = List.copyOf(sites);
    }

    public double netPayment() {
        return Math.round(sites.stream().mapToDouble(SiteSettlement::netPayment).sum() * 100)
                / 100.0;
    }
}
