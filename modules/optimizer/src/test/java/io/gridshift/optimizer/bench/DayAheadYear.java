package io.gridshift.optimizer.bench;

/** Placeholder replaced below. */
final class DayAheadYear {
    private DayAheadYear() {}

    static void main(String[] args) {}
}
