package io.gridshift.domain.schedule;

import io.gridshift.domain.Ids;

/** A day-ahead plan's id, e.g. {@code p-20260701}; follows {@link Ids#PATTERN}. */
public record PlanId(String value) {
    public PlanId {
        Ids.check("planId", value);
    }

    public static PlanId of(String value) {
        return new PlanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
