package io.gridshift.storage.ledger;

import io.gridshift.storage.StorageTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger on a real PostgreSQL server. */
class LedgerPostgresIT extends LedgerContract {
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
