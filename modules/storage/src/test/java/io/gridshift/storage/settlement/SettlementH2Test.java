package io.gridshift.storage.settlement;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Settlement on an H2 file database. */
class SettlementH2Test extends SettlementContract {
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
