package io.gridshift.storage.accuracy;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The accuracy report on PostgreSQL. */
class AccuracyPostgresIT extends AccuracyContract {
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
