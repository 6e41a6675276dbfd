package io.gridshift.cli;

/** A setting the command cannot use; the launcher prints the message and exits with status 2. */
public final class BadConfiguration extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadConfiguration(String command, String message) {
        super(command + ": bad configuration: " + message);
    }
}
