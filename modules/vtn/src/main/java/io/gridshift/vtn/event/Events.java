package io.gridshift.vtn.event;

import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;

/** Copies of a {@link GridEvent} with another status. */
public final class Events {
    private Events() {}

    /** The next modification of {@code e}: {@code status}, modification number plus one. */
    public static GridEvent modified(GridEvent e, EventStatus status, String reason) {
        return copy(e, e.modificationNumber() + 1, reason, status);
    }

    /** {@code e} as sent at some moment: the same modification with the status of that moment. */
    public static GridEvent withStatus(GridEvent e, EventStatus status) {
        return status == e.status()
                ? e
                : copy(e, e.modificationNumber(), e.modificationReason(), status);
    }

    private static GridEvent copy(
            GridEvent e, long modificationNumber, String reason, EventStatus status) {
        return new GridEvent(
                e.id(),
                modificationNumber,
                reason,
                e.marketContext(),
                e.priority(),
                e.createdAt(),
                status,
                e.testEvent(),
                e.responseRequired(),
                e.start(),
                e.duration(),
                e.startAfter(),
                e.notification(),
                e.rampUp(),
                e.recovery(),
                e.signals(),
                e.targets());
    }

    /**
     * The next modification of {@code current} with the content of {@code next}: same id and
     * creation time, modification number plus one, {@code reason}.
     */
    public static GridEvent next(GridEvent current, GridEvent next, String reason) {
        return new GridEvent(
                current.id(),
                current.modificationNumber() + 1,
                reason,
                next.marketContext(),
                next.priority(),
                current.createdAt(),
                next.status(),
                next.testEvent(),
                next.responseRequired(),
                next.start(),
                next.duration(),
                next.startAfter(),
                next.notification(),
                next.rampUp(),
                next.recovery(),
                next.signals(),
                next.targets());
    }
}
