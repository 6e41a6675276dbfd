package io.gridshift.edge.codec;

import io.gridshift.domain.error.InvalidFieldException;

/**
 * Free text must be well-formed UTF-16: a lone surrogate (which a JSON escape of a code unit
 * between U+D800 and U+DFFF can produce) cannot be written as UTF-8 or CBOR text, so a message
 * holding one could never be sent on.
 */
final class Text {
    static final String WELL_FORMED = "must be well-formed Unicode (no lone surrogates)";

    private Text() {}

    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same error with control characters in its field and value escaped as {@code \\u} and four
     * hex digits: both can come from the peer, and a newline in a log line forges the next one.
     * Returns {@code e} itself in the usual case of a clean message.
     */
    static InvalidFieldException printable(InvalidFieldException e) {
        if (!hasControl(e.getMessage())) {
            return e;
        }
        return new InvalidFieldException(
                escape(e.field()), e.rule(), Got.of(escape(e.value())), e.expectation());
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String s) {
        if (s == null || !hasControl(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
