package io.gridshift.optimizer;

/** A solver gave no usable answer (time limit, numerical trouble, no native library). */
final class SolverFailure extends Exception {
    private static final long serialVersionUID = 1L;

    SolverFailure(String message) {
        super(message);
    }

    SolverFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
