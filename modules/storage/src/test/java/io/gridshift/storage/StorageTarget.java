package io.gridshift.storage;

import io.gridshift.fixtures.TempFolders;
import io.gridshift.fixtures.postgres.PostgresServer;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.db.StorageOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database a contract test runs against: an H2 file in a temporary folder, or a real PostgreSQL
 * server started by the fixture. Each test gets an empty ledger.
 */
public interface StorageTarget extends AutoCloseable {
    /** Tables in an order that deletes children before parents. */
    String[] TABLES = {
        "settlement_reports",
        "settlements",
        "meter_intervals",
        "meter_quarter_hours",
        "meter_dirty_quarters",
        "acks",
        "dispatch_sends",
        "dispatch_revisions",
        "dispatch_orders",
        "bids",
        "opt_responses",
        "event_modifications",
        "events",
        "sites",
        "operator_actions"
    };

    StorageOptions options();

    /** Opens the database and empties every ledger table. */
    default Database openEmpty() {
        Database db = Database.open(options());
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.executeUpdate("DELETE FROM " + t);
            }
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException(e);
        }
        return db;
    }

    @Override
    void close();

    /** An H2 file database (the embedded default) in a fresh folder. */
    static StorageTarget h2() {
        Path folder = TempFolders.create("gridshift-h2");
        StorageOptions options = StorageOptions.h2File(folder);
        return new StorageTarget() {
            @Override
            public StorageOptions options() {
                return options;
            }

            @Override
            public void close() {
                TempFolders.delete(folder);
            }

            @Override
            public String toString() {
                return "H2 " + folder;
            }
        };
    }

    /** A PostgreSQL server of its own. */
    static StorageTarget postgres() {
        PostgresServer pg = PostgresServer.start();
        StorageOptions options = StorageOptions.postgres(pg.jdbcUrl(), pg.user(), "");
        return new StorageTarget() {
            @Override
            public StorageOptions options() {
                return options;
            }

            @Override
            public void close() {
                pg.close();
            }

            @Override
            public String toString() {
                return "PostgreSQL " + pg.jdbcUrl();
            }
        };
    }
}
