package io.gridshift.domain.dispatch;

import io.gridshift.domain.Ids;

/** A dispatch order's id, e.g. {@code d-7f3a}; follows {@link Ids#PATTERN}. */
public record DispatchId(String value) {
    public DispatchId {
        Ids.check("dispatchId", value);
    }

    public static DispatchId of(String value) {
        return new DispatchId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
