package dev.basalt.sqllogictest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An in-memory DuckDB behind {@link SltConnection}: the reference engine for {@link DuckDbCrossCheckTest}. */
final class DuckDbConnection implements SltConnection
{
    private final Connection connection;

    DuckDbConnection()
    {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB", e);
        }
    }

    @Override
    public ExecutionResult execute(String sql)
    {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return ExecutionResult.update(statement.getUpdateCount());
            }
            try (ResultSet resultSet = statement.getResultSet()) {
                int columns = resultSet.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (resultSet.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(canonical(resultSet.getObject(c), resultSet, c));
                    }
                    rows.add(row);
                }
                return ExecutionResult.query(columns, rows);
            }
        }
        catch (SQLException e) {
            throw new SltEngineException(e.getSQLState(), String.valueOf(e.getMessage()), 0, 0, false, e);
        }
    }

    /** JDBC objects as the canonical Java values Basalt returns. */
    private static Object canonical(Object value, ResultSet resultSet, int column)
            throws SQLException
    {
        return switch (value) {
            case null -> null;
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Timestamp timestamp -> timestamp.toLocalDateTime();
            case OffsetDateTime timestamp -> timestamp.toLocalDateTime();
            case LocalDate date -> date;
            case LocalDateTime timestamp -> timestamp;
            case BigDecimal decimal -> decimal;
            case Number number -> number;
            case Boolean bool -> bool;
            case String text -> text;
            default -> resultSet.getString(column);
        };
    }

    @Override
    public void close()
    {
        try {
            connection.close();
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
