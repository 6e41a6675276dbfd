package io.gridshift.agent.kubernetes;

import java.time.Instant;

/**
 * A flexible Job as the adapter sees it.
 *
 * @param namespace its namespace
 * @param name its name
 * @param powerKw its power while running
 * @param deadline the latest instant it may be held until; {@code null} for none
 * @param badDeadline whether a deadline annotation is present but unreadable (never held)
 * @param active whether it is pending or running (not complete, not failed)
 * @param suspended whether {@code spec.suspend} is set, by anyone
 * @param heldBy the dispatch order that suspended it; {@code null} when none did
 */
record FlexJob(
        String namespace,
        String name,
        double powerKw,
        Instant deadline,
        boolean badDeadline,
        boolean active,
        boolean suspended,
        String heldBy) {

    /** Whether an order could suspend it now (deadlines aside). */
    boolean holdable() {
        return active && !suspended && heldBy == null && !badDeadline;
    }

    /** Whether holding it until {@code until} keeps its deadline. */
    boolean keepsDeadline(Instant until) {
        return deadline == null || !deadline.isBefore(until);
    }

    boolean heldBy(String dispatchId) {
        return dispatchId.equals(heldBy);
    }

    String ref() {
        return "job " + namespace + "/" + name;
    }
}
