package dev.basalt.benchmarks.tpch;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The reference side: an in-memory DuckDB in this process, loaded with exactly Basalt's data. */
final class DuckDbEngine implements AutoCloseable
{
    private final DuckDBConnection connection;

    DuckDbEngine(int threads)
            throws SQLException
    {
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        execute("SET threads = " + threads);
    }

    String version()
            throws SQLException
    {
        List<List<Object>> rows = query("SELECT version()");
        return String.valueOf(rows.getFirst().getFirst());
    }

    void execute(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<List<Object>> query(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(resultSet.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** CREATE TABLE with DuckDB spellings of Basalt's column types (CHAR(n) becomes VARCHAR, which DuckDB does anyway). */
    void createTable(TableSchema schema)
            throws SQLException
    {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(schema.name()).append('(');
        for (int i = 0; i < schema.columnCount(); i++) {
            Column column = schema.column(i);
            sql.append(i == 0 ? "" : ", ").append(column.name()).append(' ').append(duckDbType(column.type()));
            if (!column.nullable()) {
                sql.append(" NOT NULL");
            }
        }
        execute(sql.append(')').toString());
    }

    /** Loads a CSV written by Basalt's COPY TO. */
    void copyFromCsv(String table, Path file, char delimiter)
            throws SQLException
    {
        execute("COPY " + table + " FROM '" + file.toString().replace("'", "''") + "' (DELIMITER '" + delimiter + "', HEADER true)");
    }

    /** An appender that copies Basalt batches of {@code schema}'s table into the DuckDB table of the same name. */
    BatchAppender appender(TableSchema schema)
            throws SQLException
    {
        return new BatchAppender(connection.createAppender(schema.name()), schema.types());
    }

    /** Appends Basalt column batches row by row, reading the Arrow vectors directly (no boxing per value). */
    static final class BatchAppender implements AutoCloseable
    {
        private final DuckDBAppender appender;
        private final List<DataType> types;
        private long rows;

        BatchAppender(DuckDBAppender appender, List<DataType> types)
        {
            this.appender = appender;
            this.types = List.copyOf(types);
        }

        void append(ColumnBatch batch)
        {
            try {
                for (int row = 0; row < batch.rowCount(); row++) {
                    int position = batch.position(row);
                    appender.beginRow();
                    for (int c = 0; c < types.size(); c++) {
                        appendValue(batch.column(c), types.get(c), position);
                    }
                    appender.endRow();
                }
                rows += batch.rowCount();
            }
            catch (SQLException e) {
                throw new IllegalStateException("DuckDB appender failed: " + e.getMessage(), e);
            }
        }

        long rows()
        {
            return rows;
        }

        private void appendValue(FieldVector vector, DataType type, int position)
                throws SQLException
        {
            if (vector.isNull(position)) {
                appender.appendNull();
                return;
            }
            switch (type) {
                case BooleanType t -> appender.append(((BitVector) vector).get(position) != 0);
                case SmallintType t -> appender.append(((SmallIntVector) vector).get(position));
                case IntegerType t -> appender.append(((IntVector) vector).get(position));
                case BigintType t -> appender.append(((BigIntVector) vector).get(position));
                case RealType t -> appender.append(((Float4Vector) vector).get(position));
                case DoubleType t -> appender.append(((Float8Vector) vector).get(position));
                case DecimalType t -> {
                    if (t.isShort()) {
                        appender.appendDecimal(((BigIntVector) vector).get(position));
                    }
                    else {
                        appender.append(((DecimalVector) vector).getObject(position));
                    }
                }
                case VarcharType t -> appender.append(new String(((VarCharVector) vector).get(position), StandardCharsets.UTF_8));
                case DateType t -> appender.appendEpochDays(((DateDayVector) vector).get(position));
                case TimestampType t -> appender.appendEpochMicros(((TimeStampMicroVector) vector).get(position));
                case IntervalType t -> throw new SQLException("INTERVAL columns are not loaded into DuckDB");
                case BlobType t -> throw new SQLException("BLOB columns are not loaded into DuckDB");
                case NullType t -> appender.appendNull();
            }
        }

        @Override
        public void close()
                throws SQLException
        {
            appender.close();
        }
    }

    static String duckDbType(DataType type)
    {
        return switch (type) {
            case BooleanType t -> "BOOLEAN";
            case SmallintType t -> "SMALLINT";
            case IntegerType t -> "INTEGER";
            case BigintType t -> "BIGINT";
            case RealType t -> "REAL";
            case DoubleType t -> "DOUBLE";
            case DecimalType t -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
            case VarcharType t -> "VARCHAR";
            case BlobType t -> "BLOB";
            case DateType t -> "DATE";
            case TimestampType t -> "TIMESTAMP";
            case IntervalType t -> "INTERVAL";
            case NullType t -> "INTEGER";
        };
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
