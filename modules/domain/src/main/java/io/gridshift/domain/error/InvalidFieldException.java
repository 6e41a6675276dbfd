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
        this(field, rule, shorten(value), expectation, null);
    }

    private InvalidFieldException(
            String field, String rule, String value, String expectation, Void marker) {
        super(
                ErrorKind.BAD_INPUT,
                rule,
                field + ": " + expectation + " (rule " + rule + ", got " + value + ")");
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
        return new InvalidFieldException(prefix + "." + field, rule, value, expectation, null);
    }

    static String shorten(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        return text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
    }
}
