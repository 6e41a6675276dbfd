package io.gridshift.edge.codec;

import static io.gridshift.domain.Check.MAX_SITE_KW;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

/**
 * Random values for the codec tests from one fixed seed, so every run draws the same cases and a
 * failure can be rerun from its seed: ids, instants, full-precision numbers, free text beyond
 * ASCII, and lists. Bounds come up more often than chance would bring them.
 */
final class Gen {
    static final Instant YEAR_2000 = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z");

    private final RandomGenerator random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seeds every property test of this package runs with. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    /**
     * Checks {@code tries} cases drawn from {@code seed}. A failure, an assertion's or an
     * unexpected exception's, names the seed, the try and the case that broke.
     */
    static <T> void forAll(long seed, int tries, Function<Gen, T> draw, CaseCheck<T> check) {
        Gen gen = new Gen(seed);
        for (int i = 0; i < tries; i++) {
            T value = draw.apply(gen);
            try {
                check.accept(value);
            } catch (Exception | AssertionError e) {
                String why = e instanceof AssertionError ? e.getMessage() : e.toString();
                throw new AssertionError(
                        String.format("seed %d, try %d: %s%n%s", seed, i, value, why), e);
            }
        }
    }

    /** A check of one case; may throw anything, {@link #forAll} reports it with the case. */
    @FunctionalInterface
    interface CaseCheck<T> {
        void accept(T value) throws Exception;
    }

    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    /** Uniform in [0, n): which of n kinds to draw. */
    int index(int n) {
        return random.nextInt(n);
    }

    /** Within [min, max]; either bound one time in ten. */
    int between(int min, int max) {
        return (int) between((long) min, max);
    }

    /** Within [min, max]; either bound one time in ten. */
    long between(long min, long max) {
        if (oneIn(10)) {
            return oneIn(2) ? min : max;
        }
        return max == Long.MAX_VALUE
                ? random.nextLong(min - 1, max) + 1
                : random.nextLong(min, max + 1);
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    <E extends Enum<E>> E pick(Class<E> type) {
        return pick(type.getEnumConstants());
    }

    /** {@code null} with probability {@code p}, else a drawn value. */
    <T> T orNull(double p, Supplier<T> value) {
        return random.nextDouble() < p ? null : value.get();
    }

    /**
     * Between {@code min} and {@code max} drawn values; the shortest or longest one time in ten.
     */
    <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** {@code size} distinct drawn values, in the order drawn. */
    <T> List<T> distinct(int size, Supplier<T> element) {
        Set<T> out = new LinkedHashSet<>();
        while (out.size() < size) {
            out.add(element.get());
        }
        return new ArrayList<>(out);
    }

    /** {@code length} characters, each from {@code chars}. */
    String chars(String chars, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    /** A valid edge id: short ones, and ones of the longest length the rule allows. */
    String id() {
        String first = chars("abcz0189", 1);
        return first + (oneIn(2) ? chars("abz09-", between(0, 12)) : chars("ab-9", 62));
    }

    /** 2000 to 2100: whole seconds half the time, else milli-, micro- or nanosecond precision. */
    Instant instant() {
        long seconds = between(YEAR_2000.getEpochSecond(), YEAR_2100.getEpochSecond());
        int nanos =
                switch (random.nextInt(8)) {
                    case 0, 1, 2, 3 -> 0;
                    case 4, 5 -> between(0, 999) * 1_000_000;
                    case 6 -> between(0, 999_999) * 1_000;
                    default -> between(0, 999_999_999);
                };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * Within [min, max]: whole numbers, cents, 12-decimal (full 17-digit) doubles, and edge values
     * (the bounds, just inside them, 1e-12).
     */
    double number(double min, double max) {
        return switch (random.nextInt(4)) {
            case 0 -> (double) between((long) min, (long) max);
            case 1 -> scaled(min, max, 2);
            case 2 -> scaled(min, max, 12);
            default -> edge(min, max);
        };
    }

    /** The bounds, or a value just inside them, or one that prints in exponent form. */
    private double edge(double min, double max) {
        double e = pick(min, max, 0.0, 1.0, 0.01, 1e-12, -1e-12, max - 0.01, min + 0.01);
        return e < min || e > max ? min : e;
    }

    private double scaled(double min, double max, int scale) {
        double raw = min + random.nextDouble() * (max - min);
        double rounded = new BigDecimal(raw).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
        return Math.max(min, Math.min(max, rounded));
    }

    /** A fraction in [0, 1] with six decimals. */
    double share() {
        return scaled(0, 1, 6);
    }

    double kw() {
        return number(0, MAX_SITE_KW);
    }

    double signedKw() {
        return number(-MAX_SITE_KW, MAX_SITE_KW);
    }

    Duration seconds(long max) {
        return Duration.ofSeconds(between(0, max));
    }

    /**
     * Free text of up to {@code maxUnits} code points: printable ASCII, Latin, CJK and, one time in
     * ten, supplementary ones (two chars each); no controls.
     */
    String text(int maxUnits) {
        int units = between(0, maxUnits);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < units; i++) {
            if (oneIn(10)) {
                out.appendCodePoint(random.nextInt(0x1F300, 0x1F700));
            } else {
                out.append(
                        switch (random.nextInt(3)) {
                            case 0 -> (char) random.nextInt(' ', '~' + 1);
                            case 1 -> (char) random.nextInt('\u00a0', '\u0250');
                            default -> (char) random.nextInt('\u4e00', '\u5000');
                        });
            }
        }
        return out.toString();
    }

    /** Between {@code min} and {@code max} random bytes. */
    byte[] bytes(int min, int max) {
        byte[] out = new byte[between(min, max)];
        random.nextBytes(out);
        return out;
    }

    /** Bytes as hex, for failure messages. */
    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16))
                    .append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
