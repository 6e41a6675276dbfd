package io.gridshift.edge.codec;

import java.io.IOException;

/** Reads one message from a reader positioned on the root object's start. */
@FunctionalInterface
interface MessageReader<T> {
    T read(WireReader r) throws IOException;
}
