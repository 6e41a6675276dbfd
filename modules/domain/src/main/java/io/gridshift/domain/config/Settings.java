package io.gridshift.domain.config;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration values from a file and the environment; the environment wins. Reading an option
 * parses and checks it, and a bad value fails with an {@link InvalidFieldException} that names the
 * key, the rule, the value (masked for secrets) and where it came from.
 */
public final class Settings {
    private final Map<String, String> file;
    private final Map<String, String> env;
    private final String envPrefix;
    private final String source;

    /**
     * @param file values from the configuration file, by key
     * @param env the process environment
     * @param envPrefix prefix of environment overrides, e.g. {@code GRIDSHIFT_AGENT_}
     * @param source the file's name, for error messages
     */
    public Settings(
            Map<String, String> file, Map<String, String> env, String envPrefix, String source) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
        this.envPrefix = envPrefix;
        this.source = source;
    }

    /** The option's value, or its default; a required option that is missing fails. */
    public <T> T get(Option<T> option) {
        return find(option)
                .orElseThrow(
                        () ->
                                new InvalidFieldException(
                                        option.key(),
                                        "required",
                                        null,
                                        "is required (set it in "
                                                + source
                                                + " or "
                                                + option.envVar(envPrefix)
                                                + ")"));
    }

    /** The option's value or default, empty when neither is set. */
    public <T> Optional<T> find(Option<T> option) {
        String fromEnv = env.get(option.envVar(envPrefix));
        String raw = fromEnv != null ? fromEnv : file.get(option.key());
        if (raw == null || raw.isBlank()) {
            raw = option.defaultValue();
        }
        if (raw == null) {
            return Optional.empty();
        }
        String origin = fromEnv != null ? option.envVar(envPrefix) : source;
        try {
            return Optional.ofNullable(option.parser().apply(raw.strip()));
        } catch (InvalidFieldException e) {
            Object shown = option.secret() ? "***" : raw;
            throw new InvalidFieldException(
                    option.key(), e.rule(), shown, e.expectation() + " (from " + origin + ")");
        }
    }

    /**
     * Fails on keys in the file that no option declares: a typo would otherwise be silently ignored
     * and its default used.
     */
    public void rejectUnknownKeys(Collection<Option<?>> known) {
        Set<String> names = new HashSet<>();
        for (Option<?> option : known) {
            names.add(option.key());
        }
        Set<String> unknown = new TreeSet<>(file.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidFieldException(
                    first,
                    "unknown",
                    List.copyOf(unknown),
                    "is not an option (misspelt?); see the option table in the docs");
        }
    }
}
