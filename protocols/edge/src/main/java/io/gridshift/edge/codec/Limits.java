package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;

/**
 * The options' limits on strings, depth and arrays, for one decode. Known fields are shallow and
 * typed, so depth and array size matter mostly in unknown fields, which are skipped here token by
 * token rather than by Jackson's {@code skipChildren()} so that they are held to the same limits.
 */
final class Limits {
    private final JsonParser p;
    private final EdgeFormat format;
    private final int maxString;
    private final int maxDepth;
    private final int maxArray;

    Limits(JsonParser p, EdgeFormat format, EdgeCodecOptions options) {
        this.p = p;
        this.format = format;
        this.maxString = options.maxStringLength();
        this.maxDepth = options.maxNestingDepth();
        this.maxArray = options.maxArrayLength();
    }

    /** Skips the current value, holding every nested string, array and depth to the limits. */
    void skip() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            checkLength();
            return;
        }
        if (!t.isStructStart()) {
            return;
        }
        checkDepth();
        int depth = 1;
        while (depth > 0) {
            t = p.nextToken();
            if (t == null) {
                throw truncated();
            }
            if (t.isStructStart()) {
                checkDepth();
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                checkLength();
            }
            JsonStreamContext ctx = p.getParsingContext();
            JsonStreamContext container = t.isStructStart() ? ctx.getParent() : ctx;
            if (!t.isStructEnd()
                    && container.inArray()
                    && container.getCurrentIndex() >= maxArray) {
                throw new InvalidFieldException(
                        Paths.of(container.getParent()),
                        "size",
                        Got.of("more than " + maxArray + " entries"),
                        "must have at most " + maxArray + " entries");
            }
        }
    }

    private void checkDepth() {
        int depth = p.getParsingContext().getNestingDepth();
        if (depth > maxDepth) {
            throw new InvalidFieldException(
                    Paths.current(p),
                    "depth",
                    Got.of(depth + " levels"),
                    "must nest at most " + maxDepth + " levels deep");
        }
    }

    int checkLength() throws IOException {
        int len = p.getTextLength();
        if (len > maxString) {
            throw new InvalidFieldException(
                    Paths.current(p),
                    "length",
                    p.getText(),
                    "must have at most " + maxString + " characters");
        }
        return len;
    }

    InvalidFieldException truncated() {
        String at = Paths.current(p);
        return new InvalidFieldException(
                at.isEmpty() ? "$" : at,
                "syntax",
                Got.of("end of input"),
                "must be complete " + format + ": the payload is truncated");
    }
}
