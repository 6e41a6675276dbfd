package io.gridshift.aggregator.api.auth;

/**
 * Where operator actions go. {@link JsonLinesAuditLog} appends them to a file; a ledger backs it
 * with {@code entry -> ledger.recordOperatorAction(new OperatorAction(entry.actor(), ...))}. Called
 * on a worker thread; may block.
 */
@FunctionalInterface
public interface AuditLog {
    void record(AuditEntry entry);
}
