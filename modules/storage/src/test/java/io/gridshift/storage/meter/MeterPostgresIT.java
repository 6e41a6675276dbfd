package io.gridshift.storage.meter;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Meter writes on a real PostgreSQL server. */
class MeterPostgresIT extends MeterContract {
    private static StorageTarget target;

    @BeforeAll
    static void start() {
        target = StorageTarget.postgres();
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
