package io.gridshift.domain.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration option: its key in a properties file, its description, its default and how to
 * read it. Components declare their options as constants and hand the list to {@link OptionTable}
 * to print the documentation, so the docs cannot drift from the code.
 *
 * @param key the property key, e.g. {@code report.telemetryPeriodS}
 * @param description what it does, one sentence
 * @param defaultValue the default as written in a file; {@code null} when the option is required or
 *     has no default
 * @param required whether a value must be given
 * @param secret whether the value must never be printed (passwords, keys)
 * @param parser turns the text into the typed value; throws InvalidFieldException naming the rule
 * @param <T> the option's type
 */
public record Option<T>(
        String key,
        String description,
        String defaultValue,
        boolean required,
        boolean secret,
        Function<String, T> parser) {

    /** An option with a default. */
    public static <T> Option<T> of(
            String key, String defaultValue, Function<String, T> parser, String description) {
        return new Option<>(key, description, defaultValue, false, false, parser);
    }

    /** An option that must be given. */
    public static <T> Option<T> required(
            String key, Function<String, T> parser, String description) {
        return new Option<>(key, description, null, true, false, parser);
    }

    /** An option that may be left out and has no default. */
    public static <T> Option<T> optional(
            String key, Function<String, T> parser, String description) {
        return new Option<>(key, description, null, false, false, parser);
    }

    /** The same option, marked secret: its value is masked wherever options are printed. */
    public Option<T> asSecret() {
        return new Option<>(key, description, defaultValue, required, true, parser);
    }

    /** The environment variable that overrides it: {@code prefix} + upper-case key, dots as _. */
    public String envVar(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                name.append('_');
            }
            name.append(c == '.' || c == '-' ? '_' : c);
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }
}
