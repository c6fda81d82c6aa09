package dev.basalt.jdbc;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Interval;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultSetTest
{
    private static final List<Column> ALL_TYPES = List.of(
            new Column("b", DataTypes.BOOLEAN),
            new Column("s", DataTypes.SMALLINT),
            new Column("i", DataTypes.INTEGER),
            new Column("l", DataTypes.BIGINT),
            new Column("r", DataTypes.REAL),
            new Column("d", DataTypes.DOUBLE),
            new Column("price", DecimalType.of(15, 2)),
            new Column("big", DecimalType.of(38, 4)),
            new Column("name", DataTypes.VARCHAR),
            new Column("code", VarcharType.character(3), false),
            new Column("day", DataTypes.DATE),
            new Column("ts", DataTypes.TIMESTAMP),
            new Column("iv", DataTypes.INTERVAL));

    private static final Object[] ROW = {
            true, (short) 7, 42, 9_000_000_000L, 1.5f, 0.1, new BigDecimal("1234.50"), new BigDecimal("12345678901234567890.1234"),
            "héllo", "ABC", LocalDate.of(1998, 12, 1), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000), new Interval(1, 2, 3_000_000)};

    private BufferAllocator allocator;

    @BeforeEach
    void setUp()
    {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown()
    {
        assertEquals(0, allocator.getAllocatedMemory(), "result set leaked Arrow memory");
        allocator.close();
    }

    private ColumnBatch batch(List<Column> columns, Object[]... rows)
    {
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, columns)) {
            for (Object[] row : rows) {
                builder.appendRow(row);
            }
            return builder.build();
        }
    }

    private static BasaltResultSet resultSet(FakeQueryResult result, long maxRows)
    {
        return new BasaltResultSet(new Object(), null, result, maxRows);
    }

    @Test
    void gettersForEveryType() throws SQLException
    {
        Object[] nulls = new Object[ALL_TYPES.size()];
        nulls[9] = "XYZ";
        FakeQueryResult result = new FakeQueryResult(ALL_TYPES, List.of(batch(ALL_TYPES, ROW, nulls)));
        try (ResultSet rs = resultSet(result, 0)) {
            assertTrue(rs.isBeforeFirst());
            assertTrue(rs.next());
            assertTrue(rs.isFirst());
            assertEquals(1, rs.getRow());

            assertEquals(Boolean.TRUE, rs.getObject(1));
            assertTrue(rs.getBoolean("B"));
            assertEquals((short) 7, rs.getObject("s"));
            assertEquals(7, rs.getInt("s"));
            assertEquals(42, rs.getObject("i"));
            assertEquals(42, rs.getInt(3));
            assertEquals(42L, rs.getLong(3));
            assertEquals(9_000_000_000L, rs.getObject("l"));
            assertEquals(9_000_000_000L, rs.getLong("l"));
            assertEquals(1.5f, rs.getObject("r"));
            assertEquals(1.5, rs.getDouble("r"));
            assertEquals(0.1, rs.getObject("d"));
            assertEquals(0.1, rs.getDouble("d"));
            assertEquals(new BigDecimal("1234.50"), rs.getObject("price"));
            assertEquals(new BigDecimal("1234.50"), rs.getBigDecimal("price"));
            assertEquals(1234, rs.getInt("price"));
            assertEquals(1234.5, rs.getDouble("price"));
            assertEquals(new BigDecimal("12345678901234567890.1234"), rs.getObject("big"));
            assertEquals("héllo", rs.getObject("name"));
            assertEquals("ABC", rs.getString("code"));
            assertEquals(LocalDate.of(1998, 12, 1), rs.getObject("day"));
            assertEquals(Date.valueOf("1998-12-01"), rs.getDate("day"));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000), rs.getObject("ts"));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.12"), rs.getTimestamp("ts"));
            assertEquals(new Interval(1, 2, 3_000_000), rs.getObject("iv"));
            assertFalse(rs.wasNull());

            // getString formats like the shell
            assertEquals("true", rs.getString(1));
            assertEquals("1234.50", rs.getString("price"));
            assertEquals("0.1", rs.getString("d"));
            assertEquals("1998-12-01", rs.getString("day"));
            assertEquals("2024-01-02 03:04:05.12", rs.getString("ts"));
            assertEquals("1 month 2 days 00:00:03", rs.getString("iv"));

            assertTrue(rs.next());
            for (int i = 1; i <= ALL_TYPES.size(); i++) {
                if (i == 10) {
                    continue;
                }
                assertNull(rs.getObject(i), "column " + i);
                assertTrue(rs.wasNull());
                assertNull(rs.getString(i));
                assertTrue(rs.wasNull());
            }
            assertEquals(0, rs.getInt("i"));
            assertTrue(rs.wasNull());
            assertEquals(0L, rs.getLong("l"));
            assertEquals(0.0, rs.getDouble("d"));
            assertFalse(rs.getBoolean("b"));
            assertNull(rs.getBigDecimal("price"));
            assertNull(rs.getDate("day"));
            assertNull(rs.getTimestamp("ts"));
            assertNull(rs.getObject("day", LocalDate.class));
            assertEquals("XYZ", rs.getString(10));
            assertFalse(rs.wasNull());

            assertFalse(rs.next());
            assertTrue(rs.isAfterLast());
            assertFalse(rs.next());
        }
        assertTrue(result.closed);
    }

    @Test
    void getObjectWithClassConverts() throws SQLException
    {
        FakeQueryResult result = new FakeQueryResult(ALL_TYPES, List.of(batch(ALL_TYPES, ROW)));
        try (ResultSet rs = resultSet(result, 0)) {
            assertTrue(rs.next());
            assertEquals(42L, rs.getObject("i", Long.class));
            assertEquals("42", rs.getObject("i", String.class));
            assertEquals(new BigDecimal("42"), rs.getObject("i", BigDecimal.class));
            assertEquals(7, rs.getObject("s", Integer.class));
            assertEquals(1234.5, rs.getObject("price", Double.class));
            assertEquals(BigInteger.valueOf(1234), rs.getObject("price", BigInteger.class));
            assertEquals(LocalDate.of(1998, 12, 1), rs.getObject("day", LocalDate.class));
            assertEquals(Date.valueOf("1998-12-01"), rs.getObject("day", Date.class));
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject("ts", LocalDate.class));
            assertEquals(LocalDateTime.of(1998, 12, 1, 0, 0), rs.getObject("day", LocalDateTime.class));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.12"), rs.getObject("ts", Timestamp.class));
            assertEquals(java.time.LocalTime.of(3, 4, 5, 120_000_000), rs.getObject("ts", java.time.LocalTime.class));
            assertEquals(Boolean.TRUE, rs.getObject("b", Boolean.class));
            assertEquals(1, rs.getObject("b", Integer.class));
            assertEquals(new Interval(1, 2, 3_000_000), rs.getObject("iv", Interval.class));
            assertEquals(9_000_000_000L, rs.getObject("l", Object.class));
            assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), rs.getBytes("name"));

            SQLException tooBig = assertThrows(SQLException.class, () -> rs.getInt("l"));
            assertEquals("22003", tooBig.getSQLState());
            SQLException notANumber = assertThrows(SQLException.class, () -> rs.getInt("name"));
            assertEquals("22018", notANumber.getSQLState());
            SQLException dateAsNumber = assertThrows(SQLException.class, () -> rs.getLong("day"));
            assertEquals("22018", dateAsNumber.getSQLState());
            SQLException wrongClass = assertThrows(SQLException.class, () -> rs.getObject("day", java.util.UUID.class));
            assertEquals("22018", wrongClass.getSQLState());
        }
    }

    @Test
    void calendarsShiftDateAndTimestamp() throws SQLException
    {
        FakeQueryResult result = new FakeQueryResult(ALL_TYPES, List.of(batch(ALL_TYPES, ROW)));
        try (ResultSet rs = resultSet(result, 0)) {
            assertTrue(rs.next());
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            assertEquals(912470400000L, rs.getDate("day", utc).getTime());
            assertEquals(1704164645120L, rs.getTimestamp("ts", utc).getTime());
        }
    }

    @Test
    void metadataDescribesColumns() throws SQLException
    {
        FakeQueryResult result = new FakeQueryResult(ALL_TYPES, List.of());
        try (ResultSet rs = resultSet(result, 0)) {
            ResultSetMetaData meta = rs.getMetaData();
            assertEquals(ALL_TYPES.size(), meta.getColumnCount());
            assertEquals("price", meta.getColumnName(7));
            assertEquals("price", meta.getColumnLabel(7));
            assertEquals(Types.DECIMAL, meta.getColumnType(7));
            assertEquals("DECIMAL(15,2)", meta.getColumnTypeName(7));
            assertEquals(15, meta.getPrecision(7));
            assertEquals(2, meta.getScale(7));
            assertEquals(BigDecimal.class.getName(), meta.getColumnClassName(7));
            assertEquals(Types.BOOLEAN, meta.getColumnType(1));
            assertEquals(Types.SMALLINT, meta.getColumnType(2));
            assertEquals(Types.INTEGER, meta.getColumnType(3));
            assertEquals(Types.BIGINT, meta.getColumnType(4));
            assertEquals(Types.REAL, meta.getColumnType(5));
            assertEquals(Types.DOUBLE, meta.getColumnType(6));
            assertEquals(Types.VARCHAR, meta.getColumnType(9));
            assertEquals(Types.CHAR, meta.getColumnType(10));
            assertEquals("CHAR(3)", meta.getColumnTypeName(10));
            assertEquals(3, meta.getPrecision(10));
            assertEquals(Types.DATE, meta.getColumnType(11));
            assertEquals(Types.TIMESTAMP, meta.getColumnType(12));
            assertEquals(Types.OTHER, meta.getColumnType(13));
            assertEquals(LocalDate.class.getName(), meta.getColumnClassName(11));
            assertEquals(LocalDateTime.class.getName(), meta.getColumnClassName(12));
            assertEquals(Integer.class.getName(), meta.getColumnClassName(3));
            assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(1));
            assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(10));
            assertTrue(meta.isSigned(3));
            assertFalse(meta.isSigned(9));
            assertTrue(meta.isReadOnly(1));
            assertEquals("07009", assertThrows(SQLException.class, () -> meta.getColumnType(14)).getSQLState());
            assertFalse(rs.isBeforeFirst(), "no rows: isBeforeFirst is false");
            assertFalse(rs.next());
            assertFalse(rs.isAfterLast(), "no rows: isAfterLast is false");
        }
    }

    @Test
    void streamsAcrossBatchesWithSelectionVectorsAndEmptyBatches() throws SQLException
    {
        List<Column> columns = List.of(new Column("n", DataTypes.BIGINT), new Column("t", DataTypes.VARCHAR));
        ColumnBatch first = batch(columns, new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"});
        ColumnBatch filtered = batch(columns, new Object[] {4L, "d"}, new Object[] {5L, "e"}, new Object[] {6L, "f"})
                .withSelection(new SelectionVector(new int[] {0, 2}, 2));
        ColumnBatch empty = batch(columns);
        ColumnBatch last = batch(columns, new Object[] {7L, null});
        FakeQueryResult result = new FakeQueryResult(columns, List.of(first, empty, filtered, last));
        List<String> seen = new ArrayList<>();
        try (ResultSet rs = resultSet(result, 0)) {
            while (rs.next()) {
                seen.add(rs.getLong(1) + ":" + rs.getString("t"));
            }
        }
        assertEquals(List.of("1:a", "2:b", "3:c", "4:d", "6:f", "7:null"), seen);
        assertEquals(4, result.batchesFetched);
    }

    @Test
    void streamingDoesNotFetchAhead() throws SQLException
    {
        List<Column> columns = List.of(new Column("n", DataTypes.INTEGER));
        FakeQueryResult result = new FakeQueryResult(columns, List.of(batch(columns, new Object[] {1}), batch(columns, new Object[] {2})));
        try (ResultSet rs = resultSet(result, 0)) {
            assertTrue(rs.next());
            assertEquals(1, result.batchesFetched, "only the first batch is held while reading row 1");
        }
        assertTrue(result.closed, "closing early closes the query and its remaining batches");
    }

    @Test
    void maxRowsStopsEarlyAndReleasesTheQuery() throws SQLException
    {
        List<Column> columns = List.of(new Column("n", DataTypes.INTEGER));
        FakeQueryResult result = new FakeQueryResult(columns, List.of(batch(columns, new Object[] {1}, new Object[] {2}, new Object[] {3})));
        ResultSet rs = resultSet(result, 2);
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next());
        assertTrue(result.closed, "the query is released once the rows run out, before close()");
        rs.close();
    }

    @Test
    void cursorAndColumnErrors() throws SQLException
    {
        List<Column> columns = List.of(new Column("n", DataTypes.INTEGER), new Column("N", DataTypes.VARCHAR));
        FakeQueryResult result = new FakeQueryResult(columns, List.of(batch(columns, new Object[] {1, "x"})));
        ResultSet rs = resultSet(result, 0);
        assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState());
        assertTrue(rs.next());
        assertEquals(1, rs.findColumn("N"), "labels are case-insensitive, the first match wins");
        assertEquals("42703", assertThrows(SQLException.class, () -> rs.findColumn("missing")).getSQLState());
        assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(3)).getSQLState());
        assertThrows(java.sql.SQLFeatureNotSupportedException.class, rs::previous);
        assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 2));
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertFalse(rs.next());
        assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState());
        rs.close();
        assertTrue(rs.isClosed());
        assertEquals("08003", assertThrows(SQLException.class, rs::next).getSQLState());
        rs.close();
    }

    @Test
    void listResultSetReadsRows() throws SQLException
    {
        List<Column> columns = List.of(new Column("TABLE_NAME", DataTypes.VARCHAR), new Column("ORDINAL", DataTypes.INTEGER));
        try (ResultSet rs = new ListResultSet(columns, List.of(Arrays.asList("t", 1), Arrays.asList("u", null)), null)) {
            assertTrue(rs.next());
            assertEquals("t", rs.getString("table_name"));
            assertEquals(1, rs.getInt("ORDINAL"));
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(2));
            assertTrue(rs.wasNull());
            assertFalse(rs.next());
        }
    }
}
