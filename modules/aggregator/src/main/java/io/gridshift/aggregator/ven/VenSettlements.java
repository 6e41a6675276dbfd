package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.ven.report.SettlementReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Hands settlements to the VTN through this node's VEN, for the automatic settlement. */
public final class VenSettlements {
    private VenSettlements() {}

    /**
     * Reports {@code settled} to the VTN; fails, to be retried, when the VEN is not registered or
     * the VTN has not (yet) asked for settlement reports, as when the VTN refuses or cannot be
     * reached.
     */
    public static CompletionStage<Void> send(Ven ven, SettlementReport.Settled settled) {
        var reg = ven.registration().current();
        if (reg.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("the VEN is not registered with the VTN"));
        }
        if (!ven.reports().settlementRequested()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("the VTN has not asked for settlement reports"));
        }
        return ven.reports().settlement(reg.get(), settled);
    }
}
