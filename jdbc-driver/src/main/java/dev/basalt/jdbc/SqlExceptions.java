package dev.basalt.jdbc;

import dev.basalt.spi.error.BasaltException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Turns whatever the engine throws into the {@link SQLException} subclass its SQLSTATE class calls for, so JDBC
 * callers never see a raw RuntimeException.
 */
public final class SqlExceptions
{
    /** SQLSTATE for invalid cursor state (reading before next() or after the end). */
    static final String INVALID_CURSOR_STATE = "24000";
    /** SQLSTATE for an invalid conversion between a value and the requested Java type. */
    static final String INVALID_CONVERSION = "22018";
    /** SQLSTATE for using a closed connection, statement or result set. */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    static final String UNABLE_TO_CONNECT = "08001";
    static final String WRONG_PARAMETER_COUNT = "07001";
    static final String INVALID_PARAMETER_VALUE = "22023";
    static final String NOT_SUPPORTED = "0A000";

    private SqlExceptions() {}

    /** The JDBC exception for a failure of the engine (or anything unexpected underneath it). */
    public static SQLException from(Throwable failure)
    {
        if (failure instanceof SQLException sql) {
            return sql;
        }
        SQLException arrow = ArrowSupport.diagnose(failure);
        if (arrow != null) {
            return arrow;
        }
        BasaltException basalt = BasaltException.wrap(failure);
        return create(basalt.getMessage(), basalt.sqlState(), basalt);
    }

    /** An exception of the subclass matching {@code sqlState}. */
    public static SQLException create(String message, String sqlState, Throwable cause)
    {
        int vendorCode = vendorCode(sqlState);
        String stateClass = sqlState.length() >= 2 ? sqlState.substring(0, 2) : sqlState;
        return switch (stateClass) {
            case "0A" -> new SQLFeatureNotSupportedException(message, sqlState, vendorCode, cause);
            case "22" -> new SQLDataException(message, sqlState, vendorCode, cause);
            case "23" -> new SQLIntegrityConstraintViolationException(message, sqlState, vendorCode, cause);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, sqlState, vendorCode, cause);
            case "42" -> new SQLSyntaxErrorException(message, sqlState, vendorCode, cause);
            case "08" -> new SQLNonTransientConnectionException(message, sqlState, vendorCode, cause);
            case "53", "57" -> new SQLTransientException(message, sqlState, vendorCode, cause);
            // 40001: another transaction committed first; retrying the transaction may succeed
            case "40" -> new SQLTransactionRollbackException(message, sqlState, vendorCode, cause);
            default -> new SQLException(message, sqlState, vendorCode, cause);
        };
    }

    static SQLException create(String message, String sqlState)
    {
        return create(message, sqlState, null);
    }

    static SQLFeatureNotSupportedException notSupported(String what)
    {
        return new SQLFeatureNotSupportedException(what + " is not supported by Basalt", NOT_SUPPORTED, vendorCode(NOT_SUPPORTED));
    }

    /**
     * The vendor code: the SQLSTATE read as a base-36 number. Stable as long as the SQLSTATE is, unlike an enum
     * ordinal, and reversible ({@code Integer.toString(code, 36)}).
     */
    public static int vendorCode(String sqlState)
    {
        try {
            return Integer.parseInt(sqlState, 36);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
