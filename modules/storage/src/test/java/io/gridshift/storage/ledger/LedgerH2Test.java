package io.gridshift.storage.ledger;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger on an H2 file database, the embedded default. */
class LedgerH2Test extends LedgerContract {
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
