package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;

/**
 * A description of an offending value for {@link io.gridshift.domain.error.InvalidFieldException},
 * printed as is: the exception quotes only strings, and "number 12" or "an array" is not the string
 * it would quote.
 */
record Got(String text) {
    static Got of(String text) {
        return new Got(text);
    }

    /** What a token is, for an error, without ever printing a huge number or string whole. */
    static Got describe(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return Got.of("end of input");
        }
        switch (t) {
            case VALUE_STRING:
                String s = p.getText();
                return Got.of(
                        "string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"");
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                NumberType n = p.getNumberType();
                boolean big = n == NumberType.BIG_INTEGER || n == NumberType.BIG_DECIMAL;
                return Got.of(big ? "a big number" : "number " + p.getNumberValue());
            case START_OBJECT:
                return Got.of("an object");
            case START_ARRAY:
                return Got.of("an array");
            case VALUE_TRUE:
            case VALUE_FALSE:
                return Got.of(t.asString());
            case VALUE_EMBEDDED_OBJECT:
                return Got.of(
                        p.getEmbeddedObject() instanceof byte[]
                                ? "binary data"
                                : "a CBOR simple value");
            default:
                return Got.of(t.name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
