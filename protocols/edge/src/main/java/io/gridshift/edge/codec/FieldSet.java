package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The field names of one object, by index. The pre-encoded form lets the parser match the next name
 * against the expected one byte by byte, which skips its symbol-table lookup whenever a sender
 * writes the fields in the order our encoder does.
 */
final class FieldSet {
    private final String[] names;
    private final SerializableString[] encoded;

    private FieldSet(String[] names) {
        this.names = names.clone();
        this.encoded = new SerializableString[names.length];
        for (int i = 0; i < names.length; i++) {
            encoded[i] = new SerializedString(names[i]);
        }
    }

    static FieldSet of(String... names) {
        return new FieldSet(names);
    }

    int size() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    SerializableString encoded(int index) {
        return encoded[index];
    }

    /** The index of {@code name}; {@link WireReader#UNKNOWN} when none. */
    int indexOf(String name) {
        // Jackson interns field names, so identity finds them; equals() serves a parser that
        // does not.
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return WireReader.UNKNOWN;
    }
}
