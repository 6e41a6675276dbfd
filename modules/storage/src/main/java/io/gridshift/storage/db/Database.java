package io.gridshift.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The ledger's connection pool, migrated to the latest schema when opened. Every connection runs in
 * auto-commit mode unless a caller opens a transaction, and every statement that returns has been
 * committed by the database.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final StorageOptions options;
    private final int migrationsApplied;

    private Database(HikariDataSource pool, StorageOptions options, int migrationsApplied) {
        this.pool = pool;
        this.options = options;
        this.migrationsApplied = migrationsApplied;
    }

    /** Opens the pool and applies the migrations in {@code db/migration} that are not applied. */
    public static Database open(StorageOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        config.setUsername(options.user());
        config.setPassword(options.password());
        config.setMaximumPoolSize(options.poolSize());
        config.setPoolName("gridshift-ledger");
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            MigrateResult result =
                    Flyway.configure()
                            .dataSource(pool)
                            .locations("classpath:db/migration")
                            .load()
                            .migrate();
            return new Database(pool, options, result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public StorageOptions options() {
        return options;
    }

    /** How many migrations this open applied (0 when the schema was current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public void close() {
        pool.close();
    }
}
