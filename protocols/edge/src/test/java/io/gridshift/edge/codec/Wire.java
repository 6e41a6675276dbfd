package io.gridshift.edge.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test payloads: JSON text as bytes, or the same tokens re-encoded as CBOR (duplicates kept). */
final class Wire {
    private static final JsonFactory JSON = new JsonFactory();
    private static final CBORFactory CBOR = new CBORFactory();

    private Wire() {}

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] as(EdgeFormat format, String json) {
        return format == EdgeFormat.JSON ? utf8(json) : cbor(json);
    }

    static byte[] cbor(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = JSON.createParser(json);
                JsonGenerator g = CBOR.createGenerator(out)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A CBOR payload written token by token, for what JSON text cannot say (NaN, binary). */
    static byte[] cbor(CborWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            writing.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface CborWriting {
        void write(JsonGenerator g) throws IOException;
    }
}
