package io.gridshift.storage.meter;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Meter writes on an H2 file database. */
class MeterH2Test extends MeterContract {
    private static StorageTarget target;

    @BeforeAll
    static void start() {
        target = StorageTarget.h2();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Override
    StorageTarget target() {
        return target;
    }
}
