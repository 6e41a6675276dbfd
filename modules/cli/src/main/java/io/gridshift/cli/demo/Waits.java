package io.gridshift.cli.demo;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits in real time for something the running parts do on their own threads. */
final class Waits {
    private static final long CHECK_NANOS = Duration.ofMillis(50).toNanos();

    private Waits() {}

    /** Returns once {@code done} holds; fails naming {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(CHECK_NANOS);
        }
    }
}
