package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Field paths such as {@code resources[2].lossCurve[1]}, from a parser's context chain; an odd name
 * reads {@code x["a b"]}.
 */
final class Paths {
    private static final int MAX_PLAIN = 64;
    private static final int MAX_QUOTED = 32;

    private Paths() {}

    /**
     * The path of the value the parser is on. On the start of an object or array the parser has
     * already entered it, so the path is its parent's.
     */
    static String current(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        JsonToken t = p.currentToken();
        if (ctx != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            ctx = ctx.getParent();
        }
        return of(ctx);
    }

    /** The path of the value {@code ctx} is positioned on; empty for the root object. */
    static String of(JsonStreamContext ctx) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null) {
                appendName(path, c.getCurrentName());
            }
        }
        return path.toString();
    }

    /**
     * Names come from the peer: a plain one is appended as is, any other is quoted, escaped and
     * shortened, so that a path never carries control characters or a kilobyte into a log line.
     */
    private static void appendName(StringBuilder path, String name) {
        if (isPlain(name)) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(name);
            return;
        }
        path.append("[\"");
        for (int i = 0; i < name.length() && i < MAX_QUOTED; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isISOControl(c)) {
                path.append(String.format("\\u%04x", (int) c));
            } else {
                path.append(c);
            }
        }
        path.append(name.length() > MAX_QUOTED ? "...\"]" : "\"]");
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || name.length() > MAX_PLAIN) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
