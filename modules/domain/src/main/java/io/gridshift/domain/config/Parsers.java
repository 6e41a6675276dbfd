package io.gridshift.domain.config;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Parsers for {@link Option}s; each failure names the rule. The field is filled in later. */
public final class Parsers {
    private Parsers() {}

    public static Function<String, String> text() {
        return s -> Check.text("value", s);
    }

    public static Function<String, Long> integer(long min, long max) {
        return s -> {
            try {
                return Check.range("value", Long.parseLong(s), min, max);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("value", "type", s, "must be a whole number");
            }
        };
    }

    public static Function<String, Double> number(double min, double max) {
        return s -> {
            try {
                return Check.range("value", Double.parseDouble(s), min, max);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("value", "type", s, "must be a number");
            }
        };
    }

    /** Whole seconds within [{@code min}, {@code max}]. */
    public static Function<String, Duration> seconds(long min, long max) {
        return integer(min, max).andThen(Duration::ofSeconds);
    }

    public static Function<String, Boolean> bool() {
        return s -> {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default ->
                        throw new InvalidFieldException(
                                "value", "type", s, "must be true or false");
            }
        };
    }

    public static <E extends Enum<E>> Function<String, E> oneOf(Class<E> type) {
        return s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            throw new InvalidFieldException(
                    "value",
                    "enum",
                    s,
                    "must be one of "
                            + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        };
    }

    public static Function<String, Path> path() {
        return s -> {
            try {
                return Path.of(s);
            } catch (RuntimeException e) {
                throw new InvalidFieldException("value", "type", s, "must be a file path");
            }
        };
    }

    /** A URI whose scheme is one of {@code schemes}. */
    public static Function<String, URI> uri(String... schemes) {
        return s -> {
            URI uri;
            try {
                uri = new URI(s);
            } catch (URISyntaxException e) {
                throw new InvalidFieldException("value", "type", s, "must be a URI");
            }
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || Arrays.stream(schemes).noneMatch(uri.getScheme()::equalsIgnoreCase)) {
                throw new InvalidFieldException(
                        "value",
                        "scheme",
                        s,
                        "must be a URI with a host and scheme " + String.join(" or ", schemes));
            }
            return uri;
        };
    }
}
