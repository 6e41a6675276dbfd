package io.gridshift.domain;

import java.util.random.RandomGenerator;

/**
 * Random strings for the id rule {@value Ids#PATTERN}: valid ids of every length, near misses (one
 * character or one length off the rule), and arbitrary UTF-16 text.
 */
final class IdGen {
    static final String FIRST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String ID_CHARS = FIRST_CHARS + "-";

    /** Characters just outside the rule: neighbours of its ranges, look-alikes, controls. */
    private static final String INTRUDERS =
            "AZ_ ./:@`{\u0000\u007f\u00e9\u0430\u0131\u212a\uff41\ud83d\ude00";

    private final RandomGenerator random;

    IdGen(RandomGenerator random) {
        this.random = random;
    }

    /** A valid id; lengths 1, 2, 62 and 63 come up often. */
    String validId() {
        return idShaped(oneIn(4) ? pick(1, 2, 62, Ids.MAX_LENGTH) : random.nextInt(1, 64));
    }

    /** The rule's characters at any length, so a valid id once the length is within the rule. */
    private String idShaped(int length) {
        StringBuilder id = new StringBuilder(length);
        if (length > 0) {
            id.append(FIRST_CHARS.charAt(random.nextInt(FIRST_CHARS.length())));
        }
        while (id.length() < length) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    /** Anything up to 70 chars: a third valid, a third near misses, a third arbitrary text. */
    String candidate() {
        return switch (random.nextInt(3)) {
            case 0 -> validId();
            case 1 -> nearMiss();
            default -> anyText(random.nextInt(71));
        };
    }

    private String nearMiss() {
        String id = validId();
        return switch (random.nextInt(4)) {
            case 0 -> "-" + id.substring(1);
            case 1 -> idShaped(random.nextInt(Ids.MAX_LENGTH + 1, 71));
            case 2 -> "";
            default -> {
                int at = random.nextInt(id.length());
                char intruder = INTRUDERS.charAt(random.nextInt(INTRUDERS.length()));
                yield id.substring(0, at) + intruder + id.substring(at + 1);
            }
        };
    }

    private String anyText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    oneIn(2) ? (char) random.nextInt(0x20, 0x7f) : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    private boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    private int pick(int... values) {
        return values[random.nextInt(values.length)];
    }

    /** The string with everything outside printable ASCII escaped, for failure messages. */
    static String show(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append("\" (").append(s.length()).append(" chars)").toString();
    }
}
