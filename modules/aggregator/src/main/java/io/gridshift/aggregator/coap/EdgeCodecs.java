package io.gridshift.aggregator.coap;

import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.edge.codec.EdgeCodecOptions;
import io.gridshift.edge.codec.EdgeFormat;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

/** The two codecs of the edge protocol, made once (they are thread-safe) and picked by number. */
final class EdgeCodecs {
    private final Map<EdgeFormat, EdgeCodec> codecs = new EnumMap<>(EdgeFormat.class);

    EdgeCodecs(EdgeCodecOptions options) {
        for (EdgeFormat f : EdgeFormat.values()) {
            codecs.put(f, EdgeCodec.of(f, options));
        }
    }

    /** The codec of a Content-Format number; {@code null} for any other (or none, -1). */
    EdgeCodec ofContentFormat(int number) {
        EdgeFormat f = EdgeFormat.ofCoapContentFormat(number);
        return f == null ? null : codecs.get(f);
    }

    /**
     * The codec an Accept option asks for: JSON when absent (what the agent reads by default),
     * {@code null} for a format the protocol does not have.
     */
    EdgeCodec ofAccept(int accept) {
        return accept == MediaTypeRegistry.UNDEFINED
                ? codecs.get(EdgeFormat.JSON)
                : ofContentFormat(accept);
    }
}
