package io.gridshift.domain.event;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;

/**
 * A grid event's id as the VTN gave it (OpenADR {@code eventID}). VTNs choose their own ids, so the
 * rule is looser than the edge protocol's: 1 to 128 printable ASCII characters, no spaces.
 */
public record EventId(String value) {
    public static final int MAX_LENGTH = 128;

    public EventId {
        Check.required("eventId", value);
        if (value.isEmpty() || value.length() > MAX_LENGTH || !printable(value)) {
            throw new InvalidFieldException(
                    "eventId", "pattern", value, "must be 1 to 128 printable ASCII characters");
        }
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
