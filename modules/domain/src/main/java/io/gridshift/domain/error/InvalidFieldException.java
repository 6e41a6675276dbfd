package io.gridshift.domain.error;

/**
 * A value broke a rule. The message names the field (a path such as {@code
 * resources[2].maxReductionKw}), the rule and the offending value, shortened so that a huge hostile
 * string never ends up whole in a log line.
 */
public final class InvalidFieldException extends GridshiftException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE_CHARS = 64;

    private final String field;
    private final String rule;
    private final String value;
    private final String expectation;

    /**
     * @param field the field's name or path
     * @param rule the broken rule, a short code such as {@code range}, {@code pattern}
     * @param value the offending value (shortened for the message)
     * @param expectation what the rule wants, e.g. {@code "must be between 0 and 100"}
     */
    public InvalidFieldException(String field, String rule, Object value, String expectation) {
        this(field, rule, shorten(value), expectation, (Throwable) null);
    }

    /** The same, keeping the parser's or library's exception that revealed the problem. */
    public InvalidFieldException(
            String field, String rule, Object value, String expectation, Throwable cause) {
        this(field, rule, shorten(value), expectation, cause);
    }

    private InvalidFieldException(
            String field, String rule, String value, String expectation, Throwable cause) {
        super(
                ErrorKind.BAD_INPUT,
                rule,
                field + ": " + expectation + " (rule " + rule + ", got " + value + ")",
                cause);
        this.field = field;
        this.rule = rule;
        this.value = value;
        this.expectation = expectation;
    }

    /** The path of the field, e.g. {@code actions[0].reductionKw}. */
    public String field() {
        return field;
    }

    /** The rule that was broken, e.g. {@code range}; also the metric's reason label. */
    public String rule() {
        return rule;
    }

    /** The offending value as text, at most 64 characters and a length note. */
    public String value() {
        return value;
    }

    /** What the rule wants, e.g. {@code must be between 0 and 100}. */
    public String expectation() {
        return expectation;
    }

    /** The same error for a field nested under {@code prefix}, e.g. {@code resources[2]}. */
    public InvalidFieldException under(String prefix) {
        return new InvalidFieldException(
                prefix + "." + field, rule, value, expectation, getCause());
    }

    /**
     * The value as it may appear in a log line: quoted if text, control characters and lone
     * surrogates escaped (a value like {@code "dc\nFORGED"} must not forge a second log line), at
     * most 64 characters and a length note.
     */
    static String shorten(Object value) {
        if (value == null) {
            return "null";
        }
        String raw = String.valueOf(value);
        boolean text = value instanceof CharSequence;
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_VALUE_CHARS) + 8);
        if (text) {
            out.append('"');
        }
        int shown = 0;
        for (int i = 0; i < raw.length() && shown < MAX_VALUE_CHARS; i++, shown++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text) {
            out.append('"');
        }
        if (raw.length() > MAX_VALUE_CHARS) {
            out.append("...(").append(raw.length() + (text ? 2 : 0)).append(" chars)");
        }
        return out.toString();
    }
}
