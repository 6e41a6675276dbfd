package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One encode: the field-writing helpers the message writers share, over a JSON or CBOR generator.
 * Optional values that are {@code null} are left out rather than written as {@code null}.
 */
final class WireWriter {
    private final JsonGenerator g;
    private final char[] time = new char[Timestamps.MAX_FORMATTED];

    WireWriter(JsonGenerator g) {
        this.g = g;
    }

    /**
     * Opens the message object with its version field, always first so receivers check it first.
     */
    void startMessage() throws IOException {
        g.writeStartObject();
        g.writeFieldName("v");
        g.writeNumber(1);
    }

    void startObject() throws IOException {
        g.writeStartObject();
    }

    void endObject() throws IOException {
        g.writeEndObject();
    }

    void startArray(String name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
    }

    void startArray() throws IOException {
        g.writeStartArray();
    }

    void endArray() throws IOException {
        g.writeEndArray();
    }

    void field(String name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    void field(String name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    void field(String name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    void field(String name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    void field(String name, Instant value) throws IOException {
        g.writeFieldName(name);
        int n = Timestamps.format(value, time);
        if (n >= 0) {
            g.writeString(time, 0, n);
        } else {
            g.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
        }
    }

    void optional(String name, Double value) throws IOException {
        if (value != null) {
            field(name, value.doubleValue());
        }
    }

    /** Free text; refuses lone surrogates, which neither UTF-8 nor CBOR text can carry. */
    void text(String name, String value) throws IOException {
        if (value != null && !Text.isWellFormed(value)) {
            throw new InvalidFieldException(name, "pattern", value, Text.WELL_FORMED);
        }
        field(name, value);
    }

    void number(double value) throws IOException {
        g.writeNumber(value);
    }

    void integer(long value) throws IOException {
        g.writeNumber(value);
    }

    void string(String value) throws IOException {
        g.writeString(value);
    }

    /**
     * A duration in whole seconds. The wire has no fractions of a second, so a ramp is rounded up
     * and a hold time down: the aggregator is never promised more than the site can do.
     */
    void seconds(String name, Duration d, boolean roundUp) throws IOException {
        if (d != null) {
            long s = d.getSeconds();
            if (roundUp && d.getNano() > 0) {
                s++;
            }
            field(name, s);
        }
    }
}
