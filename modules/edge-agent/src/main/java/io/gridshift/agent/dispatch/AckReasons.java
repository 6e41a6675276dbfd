package io.gridshift.agent.dispatch;

import io.gridshift.domain.Check;

/**
 * Builds an ack's reason text: {@code "<code>: <message>"}. Adapter messages are foreign text, so
 * control characters are blanked and the whole is cut to what {@code Ack} accepts; an ack that
 * could not be built would leave the aggregator without any answer.
 */
final class AckReasons {
    private AckReasons() {}

    static String of(String code, String message) {
        String text = code + ": " + (message == null ? "" : message);
        StringBuilder clean = new StringBuilder(Math.min(text.length(), Check.MAX_TEXT_CHARS));
        for (int i = 0; i < text.length() && clean.length() < Check.MAX_TEXT_CHARS; i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return clean.toString();
    }

    /** An exception's message, or its class name when it has none. */
    static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
