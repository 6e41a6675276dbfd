package io.gridshift.domain.site;

import io.gridshift.domain.Ids;

/** A data center's id, e.g. {@code dc-sh-01}; follows {@link Ids#PATTERN}. */
public record SiteId(String value) implements Comparable<SiteId> {
    public SiteId {
        Ids.check("site", value);
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    public int compareTo(SiteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
