package io.gridshift.edge.codec;

import io.gridshift.domain.Check;

/**
 * Limits a decoder enforces before and while it parses, so that a hostile peer cannot make it
 * allocate or recurse much. The defaults leave room for the largest legitimate v1 message (an
 * envelope with thousands of migratable jobs) and refuse everything beyond.
 *
 * @param maxPayloadBytes largest payload accepted, checked before parsing (default 256 KiB)
 * @param maxStringLength longest string value or field name, in characters (default 1024; at least
 *     256, the longest free text of the domain)
 * @param maxNestingDepth deepest nesting of objects and arrays (default 16; at least 8, as v1
 *     messages nest 5 deep)
 * @param maxArrayLength most entries in any array (default 10,000, the domain's longest list)
 */
public record EdgeCodecOptions(
        int maxPayloadBytes, int maxStringLength, int maxNestingDepth, int maxArrayLength) {
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_STRING_LENGTH = 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 16;
    public static final int DEFAULT_MAX_ARRAY_LENGTH = Check.MAX_LIST_SIZE;

    private static final EdgeCodecOptions DEFAULTS =
            new EdgeCodecOptions(
                    DEFAULT_MAX_PAYLOAD_BYTES,
                    DEFAULT_MAX_STRING_LENGTH,
                    DEFAULT_MAX_NESTING_DEPTH,
                    DEFAULT_MAX_ARRAY_LENGTH);

    public EdgeCodecOptions {
        Check.range("maxPayloadBytes", maxPayloadBytes, 1024, 64L * 1024 * 1024);
        Check.range("maxStringLength", maxStringLength, Check.MAX_TEXT_CHARS, 1024L * 1024);
        Check.range("maxNestingDepth", maxNestingDepth, 8, 1000);
        Check.range("maxArrayLength", maxArrayLength, 64, 1_000_000);
    }

    public static EdgeCodecOptions defaults() {
        return DEFAULTS;
    }

    public EdgeCodecOptions withMaxPayloadBytes(int bytes) {
        return new EdgeCodecOptions(bytes, maxStringLength, maxNestingDepth, maxArrayLength);
    }

    public EdgeCodecOptions withMaxStringLength(int chars) {
        return new EdgeCodecOptions(maxPayloadBytes, chars, maxNestingDepth, maxArrayLength);
    }

    public EdgeCodecOptions withMaxNestingDepth(int depth) {
        return new EdgeCodecOptions(maxPayloadBytes, maxStringLength, depth, maxArrayLength);
    }

    public EdgeCodecOptions withMaxArrayLength(int entries) {
        return new EdgeCodecOptions(maxPayloadBytes, maxStringLength, maxNestingDepth, entries);
    }
}
