package io.gridshift.edge.codec;

import java.io.IOException;

/** Writes one message as the root object. */
@FunctionalInterface
interface MessageWriter<T> {
    void write(WireWriter w, T message) throws IOException;
}
