package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;

/** Jackson's exceptions turned into the protocol's: rule {@code syntax} at a field path. */
final class SyntaxErrors {
    private static final int MAX_DETAIL = 160;
    private static final String[] NOISE = {": enable `", " (start marker at", "\n at [Source"};

    private SyntaxErrors() {}

    static InvalidFieldException of(JsonParser parser, EdgeFormat format, IOException e) {
        String field = "$";
        if (parser != null) {
            String path = Paths.of(parser.getParsingContext());
            field = path.isEmpty() ? "$" : path;
        }
        String rule = e instanceof StreamConstraintsException ? "limit" : "syntax";
        String detail =
                e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
        return new InvalidFieldException(
                field,
                rule,
                Got.of("byte " + offset(e)),
                "must be well-formed " + format + ": " + clean(detail));
    }

    private static long offset(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation at = j.getLocation();
            return at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
        }
        return -1;
    }

    /**
     * First line only, short, and without control characters: it ends up in logs. Jackson's advice
     * on its own settings and its source references mean nothing to a peer, so they go.
     */
    private static String clean(String raw) {
        if (raw == null) {
            return "unreadable";
        }
        String detail = raw;
        for (String noise : NOISE) {
            int at = detail.indexOf(noise);
            if (at >= 0) {
                detail = detail.substring(0, at);
            }
        }
        StringBuilder sb = new StringBuilder(Math.min(detail.length(), MAX_DETAIL));
        for (int i = 0; i < detail.length() && sb.length() < MAX_DETAIL; i++) {
            char c = detail.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return detail.length() > sb.length() ? sb + "..." : sb.toString();
    }
}
