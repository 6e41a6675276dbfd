package io.gridshift.storage.settlement;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Settlement on a real PostgreSQL server. */
class SettlementPostgresIT extends SettlementContract {
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
