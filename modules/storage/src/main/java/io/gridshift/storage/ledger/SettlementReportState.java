package io.gridshift.storage.ledger;

import io.gridshift.domain.event.EventId;
import java.time.Instant;

/**
 * Where the report of one settlement to the VTN stands (a row of {@code settlement_reports}).
 *
 * @param eventId the event settled
 * @param modificationNumber the modification it was settled at
 * @param settledAt when the settlement that owes the report was computed
 * @param attempts failed sends since then
 * @param nextAttemptAt when it may be sent (again)
 * @param lastError the last failure's cause, or {@code null}
 * @param reportedAt when the VTN accepted it, or {@code null} while it is owed
 */
public record SettlementReportState(
        EventId eventId,
        long modificationNumber,
        Instant settledAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant reportedAt) {

    /** Whether the VTN has the report. */
    public boolean reported() {
        return reportedAt != null;
    }
}
