package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One decode: a Jackson token stream (JSON or CBOR) read against the message readers' field lists.
 * Value methods read the current token, so that fields and array elements share them. Errors name
 * the field path from the parser's context, computed only when something is wrong.
 */
final class WireReader {
    /** {@link #nextField} at the end of the object. */
    static final int END = -2;

    /** {@link #nextField} for a name the reader does not know; its value is skipped. */
    static final int UNKNOWN = -1;

    private final JsonParser p;
    private final EdgeFormat format;
    private final int maxArray;
    private final Limits limits;

    WireReader(JsonParser p, EdgeFormat format, EdgeCodecOptions options) {
        this.p = p;
        this.format = format;
        this.maxArray = options.maxArrayLength();
        this.limits = new Limits(p, format, options);
    }

    void beginRoot() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new InvalidFieldException(
                    "$", "syntax", Got.of("no content"), "must be a " + format + " object");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new InvalidFieldException(
                    "$", "type", Got.describe(p, t), "must be a " + format + " object");
        }
    }

    void endRoot() throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new InvalidFieldException(
                    "$", "syntax", Got.describe(p, t), "must hold one object and nothing after it");
        }
    }

    /**
     * Moves to the next field of the current object and onto its value.
     *
     * @param expected the index of the field that usually comes next, tried first
     * @return the field's index in {@code fields}, {@link #UNKNOWN} or {@link #END}
     */
    int nextField(FieldSet fields, int expected) throws IOException {
        int f;
        if (expected >= 0
                && expected < fields.size()
                && p.nextFieldName(fields.encoded(expected))) {
            f = expected;
        } else {
            JsonToken t =
                    expected >= 0 && expected < fields.size() ? p.currentToken() : p.nextToken();
            if (t != JsonToken.FIELD_NAME) {
                if (t == null) {
                    throw limits.truncated();
                }
                return END;
            }
            f = fields.indexOf(p.currentName());
        }
        if (p.nextToken() == null) {
            throw limits.truncated();
        }
        return f;
    }

    /** Records that field {@code f} was seen; refuses a second occurrence. */
    long mark(long seen, int f) throws IOException {
        if (f < 0) {
            return seen;
        }
        long bit = 1L << f;
        if ((seen & bit) != 0) {
            throw duplicate();
        }
        return seen | bit;
    }

    /** Skips the value of an unknown field, refusing the same unknown name twice. */
    Set<String> skipUnknown(Set<String> seenUnknown) throws IOException {
        Set<String> seen = seenUnknown == null ? new HashSet<>(4) : seenUnknown;
        if (!seen.add(p.currentName())) {
            throw duplicate();
        }
        limits.skip();
        return seen;
    }

    /**
     * Refuses a missing required field. Called after the object's end, when the parser's context
     * names the object itself.
     */
    void requireAll(long seen, long required, FieldSet fields) {
        long missing = required & ~seen;
        if (missing == 0) {
            return;
        }
        int f = Long.numberOfTrailingZeros(missing);
        String prefix = path();
        String name = fields.name(f);
        if (prefix.isEmpty() && "v".equals(name)) {
            throw new InvalidFieldException(
                    "v", "version", null, "is required and must be 1 (edge protocol v1)");
        }
        String field = prefix.isEmpty() ? name : prefix + "." + name;
        throw new InvalidFieldException(field, "required", null, "is required");
    }

    /** Puts the path of the object just read in front of a domain record's error. */
    InvalidFieldException nest(InvalidFieldException e) {
        String prefix = path();
        return prefix.isEmpty() ? e : e.under(prefix);
    }

    void version() throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() == NumberType.BIG_INTEGER
                || p.getLongValue() != 1) {
            throw new InvalidFieldException(
                    "v",
                    "version",
                    Got.describe(p, t),
                    "must be 1: this receiver speaks edge protocol v1");
        }
    }

    double number() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        throw wrongType(t, "must be a number");
    }

    Double optionalNumber() throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : number();
    }

    /**
     * A number within [{@code min}, {@code max}], checked here for values whose wire path the
     * domain's records cannot name (a loss-curve point is {@code [kW, loss]} on the wire).
     */
    double number(double min, double max) throws IOException {
        double v = number();
        if (!(v >= min && v <= max)) {
            Check.range(path(), v, min, max);
        }
        return v;
    }

    /** An integer without fraction or exponent within [{@code min}, {@code max}]. */
    long integer(long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(t, "must be an integer");
        }
        if (p.getNumberType() == NumberType.BIG_INTEGER) {
            throw new InvalidFieldException(
                    path(),
                    "range",
                    Got.of("an integer beyond 64 bits"),
                    "must be between " + min + " and " + max);
        }
        long v = p.getLongValue();
        if (v < min || v > max) {
            Check.range(path(), v, min, max);
        }
        return v;
    }

    /** Whole seconds within [0, {@code maxSeconds}]. */
    Duration seconds(long maxSeconds) throws IOException {
        return Duration.ofSeconds(integer(0, maxSeconds));
    }

    Duration optionalSeconds(long maxSeconds) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : seconds(maxSeconds);
    }

    boolean bool() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        throw wrongType(t, "must be true or false");
    }

    String string() throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw wrongType(t, "must be a string");
        }
        limits.checkLength();
        return p.getText();
    }

    String optionalString() throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : string();
    }

    /** Free text: also refuses lone surrogates, which no encoder could write back. */
    String optionalText() throws IOException {
        String s = optionalString();
        if (s != null && !Text.isWellFormed(s)) {
            throw new InvalidFieldException(path(), "pattern", s, Text.WELL_FORMED);
        }
        return s;
    }

    /** A string turned into a domain value whose own error is re-addressed to this field. */
    <T> T string(Function<String, T> make) throws IOException {
        String raw = string();
        try {
            return make.apply(raw);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(path(), e.rule(), raw, e.expectation());
        }
    }

    <T> T optionalString(Function<String, T> make) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : string(make);
    }

    /** A site id; the error of {@link SiteId} is re-addressed to this field. */
    SiteId siteId() throws IOException {
        return string(SiteId::new);
    }

    <E extends Enum<E>> E enumValue(E[] values, String expectation) throws IOException {
        String s = string();
        for (E e : values) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new InvalidFieldException(path(), "enum", s, expectation);
    }

    Instant instant() throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw wrongType(t, "must be an ISO-8601 timestamp string");
        }
        int len = limits.checkLength();
        Instant fast = Timestamps.parseFast(p.getTextCharacters(), p.getTextOffset(), len);
        if (fast != null) {
            return fast;
        }
        String text = p.getText();
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeException e) {
            throw new InvalidFieldException(
                    path(),
                    "pattern",
                    text,
                    "must be an ISO-8601 timestamp with Z or an offset, e.g."
                            + " 2026-07-01T06:00:00Z");
        }
    }

    boolean isNull() {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    void startObject() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(p.currentToken(), "must be an object");
        }
    }

    void startArray(String expectation) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType(p.currentToken(), expectation);
        }
    }

    /** Reads one element of a list, positioned on its first token. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read(WireReader r) throws IOException;
    }

    /** Reads the current array whole, one element at a time, each under its index in the path. */
    <T> List<T> list(String expectation, ElementReader<T> element) throws IOException {
        startArray(expectation);
        List<T> items = new ArrayList<>();
        for (int i = 0; nextElement(i); i++) {
            items.add(element.read(this));
        }
        return items;
    }

    /**
     * Moves onto entry {@code index} of the current array.
     *
     * @return {@code false} at the array's end
     */
    boolean nextElement(int index) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return false;
        }
        if (t == null) {
            throw limits.truncated();
        }
        if (index >= maxArray) {
            String element = path();
            throw new InvalidFieldException(
                    element.substring(0, element.lastIndexOf('[')),
                    "size",
                    Got.of("more than " + maxArray + " entries"),
                    "must have at most " + maxArray + " entries");
        }
        return true;
    }

    /** Refuses an array of the wrong length, such as a loss-curve point that is not a pair. */
    InvalidFieldException wrongSize(String expectation) throws IOException {
        return new InvalidFieldException(
                path(), "size", Got.describe(p, p.currentToken()), expectation);
    }

    /** The field path of the current value, e.g. {@code resources[2].lossCurve[1]}. */
    String path() {
        return Paths.current(p);
    }

    private InvalidFieldException wrongType(JsonToken t, String expectation) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return new InvalidFieldException(path(), "required", null, "is required, not null");
        }
        return new InvalidFieldException(path(), "type", Got.describe(p, t), expectation);
    }

    private InvalidFieldException duplicate() throws IOException {
        return new InvalidFieldException(
                path(), "duplicate", p.currentName(), "must appear only once in its object");
    }
}
