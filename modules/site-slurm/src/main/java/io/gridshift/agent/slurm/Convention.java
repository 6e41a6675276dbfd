package io.gridshift.agent.slurm;

import io.gridshift.domain.Check;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job tells the adapter it is flexible (its comment), and how the adapter remembers what it
 * did to a job (a mark in the job's admin comment, which only administrators and the SlurmUser can
 * set). The mark is the adapter's memory: a fresh adapter after an agent restart finds and undoes
 * what an order did. See the module's README.
 *
 * <p>A comment {@code gridshift:kw=3.5;deadline=2026-11-27T06:00Z;pause=suspend} makes a job
 * flexible. A comment that starts with {@code gridshift:} but cannot be read (an unknown key, a bad
 * deadline or pause) never makes the job flexible: the job is left alone and the problem is
 * reported. A power that cannot be read is an error too, since it would size the reduction.
 */
final class Convention {
    static final String PREFIX = "gridshift:";
    static final String KW = "kw";
    static final String DEADLINE = "deadline";
    static final String PAUSE = "pause";

    private static final Pattern MARK =
            Pattern.compile(
                    "\\s?\\[gridshift-held:order=([a-z0-9][a-z0-9-]{0,62});did=(hold|suspend"
                            + "|requeue);until=([^\\]\\s]+)\\]");

    private Convention() {}

    /**
     * What the adapter wrote into a job's admin comment.
     *
     * @param order the dispatch order's id
     * @param action what it did
     * @param until the order's end, when it must be undone
     */
    record Mark(String order, Action action, Instant until) {
        String text() {
            return "[gridshift-held:order="
                    + order
                    + ";did="
                    + action.word()
                    + ";until="
                    + until
                    + "]";
        }
    }

    /**
     * The terms a job's comment states.
     *
     * @param flexible whether the comment follows the convention and the job may be held
     * @param problem why a {@code gridshift:} comment was refused; {@code null} when none
     * @param kw its power while running; {@code null} when not stated
     * @param deadline the latest instant it may be held until; {@code null} when none
     * @param pause what may be done while it runs
     */
    record Terms(boolean flexible, String problem, Double kw, Instant deadline, Pause pause) {
        static final Terms NOT_FLEXIBLE = new Terms(false, null, null, null, Pause.NONE);

        static Terms refused(String problem) {
            return new Terms(false, problem, null, null, Pause.NONE);
        }
    }

    static Terms terms(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return Terms.NOT_FLEXIBLE;
        }
        Double kw = null;
        Instant deadline = null;
        Pause pause = Pause.SUSPEND;
        String body = comment.substring(PREFIX.length()).strip();
        for (String pair : body.split(";", -1)) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            switch (key) {
                case KW -> {
                    kw = kw(value);
                    if (kw == null) {
                        return Terms.refused(
                                "kw must be a number of kW from 0 to "
                                        + (long) Check.MAX_SITE_KW
                                        + ", got '"
                                        + value
                                        + "'");
                    }
                }
                case DEADLINE -> {
                    deadline = instant(value);
                    if (deadline == null) {
                        return Terms.refused(
                                "deadline must be an RFC 3339 date-time like"
                                        + " 2026-11-27T06:00Z, got '"
                                        + value
                                        + "'");
                    }
                }
                case PAUSE -> {
                    pause = pause(value);
                    if (pause == null) {
                        return Terms.refused(
                                "pause must be suspend, requeue or none, got '" + value + "'");
                    }
                }
                default -> {
                    return Terms.refused("unknown key '" + key + "' (known: kw, deadline, pause)");
                }
            }
        }
        return new Terms(true, null, kw, deadline, pause);
    }

    /** The adapter's mark in an admin comment; {@code null} when there is none. */
    static Mark mark(String adminComment) {
        if (adminComment == null) {
            return null;
        }
        Matcher m = MARK.matcher(adminComment);
        if (!m.find()) {
            return null;
        }
        Instant until = instant(m.group(3));
        return until == null ? null : new Mark(m.group(1), Action.of(m.group(2)), until);
    }

    /** {@code adminComment} with {@code mark} added after what is there. */
    static String withMark(String adminComment, Mark mark) {
        String before = withoutMark(adminComment);
        return before.isEmpty() ? mark.text() : before + " " + mark.text();
    }

    /** {@code adminComment} without the adapter's mark, as it was before. */
    static String withoutMark(String adminComment) {
        return adminComment == null ? "" : MARK.matcher(adminComment).replaceAll("").strip();
    }

    private static Double kw(String raw) {
        try {
            double kw = Double.parseDouble(raw);
            return kw >= 0 && kw <= Check.MAX_SITE_KW ? kw : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Pause pause(String raw) {
        for (Pause p : Pause.values()) {
            if (p.word().equals(raw.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    static Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
