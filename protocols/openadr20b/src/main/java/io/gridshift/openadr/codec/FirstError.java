package io.gridshift.openadr.codec;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;

/**
 * Remembers the first error JAXB itself reports during one unmarshal or marshal call, and where the
 * reader was at that moment. (Schema errors do not come here: the parser validates, and {@link
 * ReadFilter} keeps those.) One instance per worker, reset before each call; never shared between
 * threads.
 */
final class FirstError implements ValidationEventHandler {
    private final boolean strict;
    private ReadFilter reader;
    private ValidationEvent event;
    private String element;
    private String path;

    /**
     * @param strict any error fails the call. Otherwise only a fatal error does, and JAXB's
     *     complaints about content it does not know are let pass (lenient reading).
     */
    FirstError(boolean strict) {
        this.strict = strict;
    }

    void reset(ReadFilter current) {
        this.reader = current;
        this.event = null;
        this.element = null;
        this.path = null;
    }

    @Override
    public boolean handleEvent(ValidationEvent e) {
        int severity = e.getSeverity();
        boolean fatal = severity == ValidationEvent.FATAL_ERROR;
        if (severity == ValidationEvent.WARNING || (!strict && !fatal)) {
            return true;
        }
        if (event == null) {
            event = e;
            if (reader != null) {
                element = reader.currentElement();
                path = reader.currentPath();
            }
        }
        return false;
    }

    /** The error to report, or null if there was none. */
    ValidationEvent event() {
        return event;
    }

    /** The event's message, or its cause where JAXB left the message empty. */
    String message() {
        if (event == null) {
            return null;
        }
        if (event.getMessage() != null) {
            return event.getMessage();
        }
        return String.valueOf(event.getLinkedException());
    }

    /** The innermost element open when the error was reported; null when writing. */
    String element() {
        return element;
    }

    /** The path of open elements when the error was reported; null when writing. */
    String path() {
        return path;
    }
}
