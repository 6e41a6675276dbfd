package io.gridshift.storage.db;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.nio.file.Path;

/**
 * Where the ledger lives.
 *
 * @param jdbcUrl {@code jdbc:postgresql://...} in production, {@code jdbc:h2:file:...} embedded
 * @param user the database user
 * @param password its password; empty for none
 * @param poolSize connections in the pool (1 to 64)
 */
public record StorageOptions(String jdbcUrl, String user, String password, int poolSize) {
    /** Pool size unless told otherwise: the meter writer, the ledger's callers and a reader. */
    public static final int DEFAULT_POOL = 8;

    public StorageOptions {
        Check.required("storage.jdbcUrl", jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new InvalidFieldException(
                    "storage.jdbcUrl",
                    "pattern",
                    jdbcUrl,
                    "must start with jdbc:postgresql: or jdbc:h2:");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Check.range("storage.poolSize", poolSize, 1, 64);
    }

    /**
     * The embedded default: an H2 file database in PostgreSQL mode under {@code folder}. {@code
     * WRITE_DELAY=0} makes H2 write every commit to the file before the commit returns, so that a
     * killed process keeps what it committed (H2's default delays writes by 500 ms).
     */
    public static StorageOptions h2File(Path folder) {
        return new StorageOptions(
                "jdbc:h2:file:"
                        + folder.toAbsolutePath().resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                        + ";WRITE_DELAY=0",
                "sa",
                "",
                DEFAULT_POOL);
    }

    /**
     * PostgreSQL; batched inserts are rewritten into multi-row statements ({@code
     * reWriteBatchedInserts}), which the meter writer relies on for its throughput.
     */
    public static StorageOptions postgres(String jdbcUrl, String user, String password) {
        String url =
                jdbcUrl.contains("reWriteBatchedInserts")
                        ? jdbcUrl
                        : jdbcUrl
                                + (jdbcUrl.contains("?") ? "&" : "?")
                                + "reWriteBatchedInserts=true";
        return new StorageOptions(url, user, password, DEFAULT_POOL);
    }

    public StorageOptions withPoolSize(int size) {
        return new StorageOptions(jdbcUrl, user, password, size);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
