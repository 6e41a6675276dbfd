package io.gridshift.storage.db;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The few JDBC habits the ledger shares: UTC instants, nulls, one transaction, one error. */
public final class Jdbc {
    /** SQLState class 23: a constraint (unique key, foreign key) was broken. */
    private static final String INTEGRITY = "23";

    private Jdbc() {}

    /** Work inside one transaction on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits it before returning; rolls back on any
     * failure. A broken constraint becomes {@link ErrorKind#CONFLICT}, anything else {@link
     * ErrorKind#UNAVAILABLE}.
     */
    public static <T> T inTransaction(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs a read (or a single auto-committed statement) on a pooled connection. */
    public static <T> T withConnection(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    public static GridshiftException failure(String what, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith(INTEGRITY)) {
            return new GridshiftException(
                    ErrorKind.CONFLICT, "ledger_conflict", what + ": " + e.getMessage(), e);
        }
        return new GridshiftException(
                ErrorKind.UNAVAILABLE, "ledger_unavailable", what + ": " + e.getMessage(), e);
    }

    public static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    public static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    public static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
