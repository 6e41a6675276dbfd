package io.gridshift.aggregator.api.auth;

import java.time.Instant;

/**
 * One operator action: the same fields as the ledger's {@code OperatorAction}, so that a ledger can
 * back {@link AuditLog} one to one.
 *
 * @param actor the API client's name
 * @param action what, e.g. {@code POST /api/v1/dispatches}
 * @param target what it was done to (the created resource, or the path)
 * @param detail the outcome, e.g. {@code 201} or {@code 403 denied: needs operator}
 * @param at when
 */
public record AuditEntry(String actor, String action, String target, String detail, Instant at) {}
