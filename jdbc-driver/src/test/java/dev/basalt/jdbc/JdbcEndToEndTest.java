package dev.basalt.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver against the real engine. */
class JdbcEndToEndTest
{
    private static final String CREATE_ALL_TYPES = "CREATE TABLE items (b BOOLEAN, s SMALLINT, i INTEGER NOT NULL, l BIGINT, r REAL, "
            + "d DOUBLE, p DECIMAL(15,2), v VARCHAR, c CHAR(3), day DATE, ts TIMESTAMP)";

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException
    {
        connection = DriverManager.getConnection("jdbc:basalt:");
    }

    @AfterEach
    void close() throws SQLException
    {
        connection.close();
        assertEquals(0, DatabaseRegistry.INSTANCE.openCount(), "every shared database was closed");
    }

    @Test
    void typesRoundTrip() throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            assertFalse(statement.execute(CREATE_ALL_TYPES));
            assertEquals(2, statement.executeUpdate("INSERT INTO items VALUES "
                    + "(true, 7, 42, 9000000000, 1.5, 0.25, 1234.50, 'héllo', 'ABC', DATE '1998-12-01', TIMESTAMP '2024-01-02 03:04:05.5'), "
                    + "(NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"));
            try (ResultSet rs = statement.executeQuery("SELECT * FROM items ORDER BY i DESC")) {
                ResultSetMetaData meta = rs.getMetaData();
                assertEquals(11, meta.getColumnCount());
                assertEquals("p", meta.getColumnLabel(7));
                assertEquals(Types.DECIMAL, meta.getColumnType(7));
                assertEquals(15, meta.getPrecision(7));
                assertEquals(2, meta.getScale(7));
                assertEquals(Types.DATE, meta.getColumnType(10));
                assertEquals(Types.TIMESTAMP, meta.getColumnType(11));

                assertTrue(rs.next());
                assertEquals(Boolean.TRUE, rs.getObject("b"));
                assertEquals((short) 7, rs.getObject("s"));
                assertEquals(42, rs.getObject("i"));
                assertEquals(9_000_000_000L, rs.getObject("l"));
                assertEquals(1.5f, rs.getObject("r"));
                assertEquals(0.25, rs.getObject("d"));
                assertEquals(new BigDecimal("1234.50"), rs.getObject("p"));
                assertEquals("héllo", rs.getObject("v"));
                assertEquals("ABC", rs.getObject("c"));
                assertEquals(LocalDate.of(1998, 12, 1), rs.getObject("day"));
                assertEquals(Date.valueOf("1998-12-01"), rs.getDate("day"));
                assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000), rs.getObject("ts"));
                assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.5"), rs.getTimestamp("ts"));
                assertEquals("2024-01-02 03:04:05.5", rs.getString("ts"));
                assertEquals("1234.50", rs.getString("p"));

                assertTrue(rs.next());
                assertNull(rs.getObject("b"));
                assertTrue(rs.wasNull());
                assertEquals(0, rs.getInt("s"));
                assertTrue(rs.wasNull());
                assertNull(rs.getBigDecimal("p"));
                assertNull(rs.getString("v"));
                assertNull(rs.getDate("day"));
                assertEquals(1, rs.getInt("i"));
                assertFalse(rs.wasNull());
                assertFalse(rs.next());
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) AS n, sum(p) AS total FROM items")) {
                assertTrue(rs.next());
                assertEquals(2L, rs.getObject("n"));
                assertInstanceOf(BigDecimal.class, rs.getObject("total"));
                assertEquals(0, new BigDecimal("1234.50").compareTo(rs.getBigDecimal("total")));
            }
        }
    }

    @Test
    void preparedStatementParameters() throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_ALL_TYPES);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ParameterMetaData parameters = insert.getParameterMetaData();
            assertEquals(11, parameters.getParameterCount());

            insert.setBoolean(1, true);
            insert.setShort(2, (short) 3);
            insert.setInt(3, 10);
            insert.setLong(4, 1L << 40);
            insert.setFloat(5, 2.5f);
            insert.setDouble(6, 0.5);
            insert.setBigDecimal(7, new BigDecimal("99.95"));
            insert.setString(8, "it's");
            insert.setString(9, "XYZ");
            insert.setDate(10, Date.valueOf("2020-02-29"));
            insert.setTimestamp(11, Timestamp.valueOf("2020-02-29 23:59:59"));
            assertEquals(1, insert.executeUpdate());

            insert.clearParameters();
            SQLException missing = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals("07001", missing.getSQLState());

            insert.setObject(1, null);
            insert.setByte(2, (byte) 4);
            insert.setObject(3, 11);
            insert.setNull(4, Types.BIGINT);
            insert.setObject(5, 1.25f);
            insert.setObject(6, "3.5", Types.DOUBLE);
            insert.setObject(7, 12, Types.DECIMAL);
            insert.setNull(8, Types.VARCHAR);
            insert.setObject(9, 'Q');
            insert.setObject(10, LocalDate.of(2021, 1, 1));
            insert.setObject(11, LocalDateTime.of(2021, 1, 1, 12, 0));
            assertEquals(1, insert.executeUpdate());

            for (int i = 20; i < 23; i++) {
                insert.setObject(1, false);
                insert.setObject(2, (short) i);
                insert.setInt(3, i);
                insert.setLong(4, i);
                insert.setFloat(5, i);
                insert.setDouble(6, i);
                insert.setBigDecimal(7, BigDecimal.valueOf(i));
                insert.setString(8, "row " + i);
                insert.setString(9, "B");
                insert.setDate(10, Date.valueOf("2022-01-01"));
                insert.setTimestamp(11, Timestamp.valueOf("2022-01-01 00:00:00"));
                insert.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, insert.executeBatch());
        }

        try (PreparedStatement query = connection.prepareStatement("SELECT v, p, day FROM items WHERE i = ? OR day = ? ORDER BY i")) {
            query.setInt(1, 10);
            query.setObject(2, LocalDate.of(2021, 1, 1));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getBigDecimal(2) + "|" + rs.getObject(3));
                }
            }
            assertEquals(List.of("it's|99.95|2020-02-29", "null|12.00|2021-01-01"), rows);
            // re-executing with other values reuses the statement
            query.setInt(1, 21);
            query.setNull(2, Types.DATE);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("row 21", rs.getString("v"));
                assertFalse(rs.next());
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM items")) {
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void statementResultsAndUpdateCounts() throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            assertFalse(statement.execute("CREATE TABLE t (x INTEGER)"));
            assertEquals(0, statement.getUpdateCount());
            assertNull(statement.getResultSet());
            assertFalse(statement.execute("INSERT INTO t VALUES (1), (2), (3)"));
            assertEquals(3, statement.getUpdateCount());
            assertTrue(statement.execute("SELECT x FROM t ORDER BY x"));
            assertEquals(-1, statement.getUpdateCount());
            ResultSet rs = statement.getResultSet();
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertFalse(statement.getMoreResults());
            assertTrue(rs.isClosed());
            assertEquals(-1, statement.getUpdateCount());

            statement.setMaxRows(2);
            try (ResultSet limited = statement.executeQuery("SELECT x FROM t")) {
                int rows = 0;
                while (limited.next()) {
                    rows++;
                }
                assertEquals(2, rows);
            }
            statement.setMaxRows(0);

            assertEquals("02000", assertThrows(SQLException.class, () -> statement.executeQuery("CREATE TABLE u (y INTEGER)")).getSQLState());
            assertEquals("0100E", assertThrows(SQLException.class, () -> statement.executeUpdate("SELECT 1")).getSQLState());

            statement.addBatch("INSERT INTO t VALUES (4)");
            statement.addBatch("INSERT INTO t VALUES (5), (6)");
            assertArrayEquals(new int[] {1, 2}, statement.executeBatch());
            statement.addBatch("INSERT INTO t VALUES (7)");
            statement.addBatch("INSERT INTO nowhere VALUES (8)");
            BatchUpdateException failed = assertThrows(BatchUpdateException.class, statement::executeBatch);
            assertEquals("42P01", failed.getSQLState());
            assertArrayEquals(new int[] {1}, failed.getUpdateCounts());

            assertThrows(SQLFeatureNotSupportedException.class, statement::cancel);
        }
    }

    @Test
    void errorsCarrySqlStates() throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            SQLException syntax = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FORM t"));
            assertInstanceOf(SQLSyntaxErrorException.class, syntax);
            assertEquals("42601", syntax.getSQLState());
            assertTrue(syntax.getMessage().contains("FORM"), syntax.getMessage());

            SQLException unknownTable = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM no_such_table"));
            assertEquals("42P01", unknownTable.getSQLState());
            assertEquals(SqlExceptions.vendorCode("42P01"), unknownTable.getErrorCode());

            statement.execute("CREATE TABLE nums (n INTEGER)");
            statement.execute("INSERT INTO nums VALUES (1), (0)");
            SQLException division = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = statement.executeQuery("SELECT 10 / n FROM nums")) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            });
            assertInstanceOf(SQLDataException.class, division);
            assertEquals("22012", division.getSQLState());

            SQLException prepared = assertThrows(SQLException.class, () -> connection.prepareStatement("SELEC 1"));
            assertEquals("42601", prepared.getSQLState());

            // the connection survives its errors
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM nums")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
            }
        }
    }

    @Test
    void databaseMetaData() throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (o_orderkey BIGINT NOT NULL, o_totalprice DECIMAL(15,2), o_comment VARCHAR(79), o_orderdate DATE)");
            statement.execute("CREATE TABLE order_lines (id INTEGER)");
            statement.execute("CREATE TABLE customer (c_name VARCHAR)");
        }
        DatabaseMetaData meta = connection.getMetaData();
        assertEquals("Basalt", meta.getDatabaseProductName());
        assertEquals("\"", meta.getIdentifierQuoteString());
        assertEquals(BasaltDriver.NAME, meta.getDriverName());
        assertEquals(DriverVersion.version(), meta.getDriverVersion());
        assertTrue(meta.supportsTransactions());
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, meta.getDefaultTransactionIsolation());
        assertTrue(meta.storesLowerCaseIdentifiers());

        assertEquals(List.of("customer", "order_lines", "orders"), tableNames(meta.getTables(null, null, "%", null)));
        assertEquals(List.of("order_lines", "orders"), tableNames(meta.getTables(null, "main", "order%", new String[] {"TABLE"})));
        assertEquals(List.of("order_lines"), tableNames(meta.getTables(null, null, "order\\_lines", null)));
        assertEquals(List.of(), tableNames(meta.getTables(null, null, "%", new String[] {"VIEW"})));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW order_view (k) AS SELECT o_orderkey FROM orders");
        }
        assertEquals(List.of("order_view"), tableNames(meta.getTables(null, null, "%", new String[] {"VIEW"})));
        assertEquals(List.of("order_lines", "orders", "order_view"), tableNames(meta.getTables(null, null, "order%", null)));
        try (ResultSet types = meta.getTables(null, null, "order_view", null)) {
            assertTrue(types.next());
            assertEquals("VIEW", types.getString("TABLE_TYPE"));
        }
        try (ResultSet columns = meta.getColumns(null, null, "order_view", "%")) {
            assertTrue(columns.next());
            assertEquals("k", columns.getString("COLUMN_NAME"));
            assertEquals(Types.BIGINT, columns.getInt("DATA_TYPE"));
            assertFalse(columns.next());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP VIEW order_view");
        }
        assertEquals(List.of(), tableNames(meta.getTables(null, "other", "%", null)));
        assertEquals(List.of(), tableNames(meta.getTables("somecatalog", null, "%", null)));

        try (ResultSet tables = meta.getTables(null, null, "orders", null)) {
            ResultSetMetaData layout = tables.getMetaData();
            assertEquals(10, layout.getColumnCount());
            assertEquals("TABLE_CAT", layout.getColumnName(1));
            assertEquals("REF_GENERATION", layout.getColumnName(10));
            assertTrue(tables.next());
            assertEquals("main", tables.getString("TABLE_SCHEM"));
            assertEquals("TABLE", tables.getString("TABLE_TYPE"));
        }

        try (ResultSet columns = meta.getColumns(null, null, "orders", "%")) {
            assertEquals(24, columns.getMetaData().getColumnCount());
            assertTrue(columns.next());
            assertEquals("orders", columns.getString("TABLE_NAME"));
            assertEquals("o_orderkey", columns.getString("COLUMN_NAME"));
            assertEquals(Types.BIGINT, columns.getInt("DATA_TYPE"));
            assertEquals("BIGINT", columns.getString("TYPE_NAME"));
            assertEquals(DatabaseMetaData.columnNoNulls, columns.getInt("NULLABLE"));
            assertEquals("NO", columns.getString("IS_NULLABLE"));
            assertEquals(1, columns.getInt("ORDINAL_POSITION"));
            assertTrue(columns.next());
            assertEquals("o_totalprice", columns.getString(4));
            assertEquals(Types.DECIMAL, columns.getInt(5));
            assertEquals("DECIMAL(15,2)", columns.getString(6));
            assertEquals(15, columns.getInt("COLUMN_SIZE"));
            assertEquals(2, columns.getInt("DECIMAL_DIGITS"));
            assertEquals(10, columns.getInt("NUM_PREC_RADIX"));
            assertEquals("YES", columns.getString("IS_NULLABLE"));
            assertTrue(columns.next());
            assertEquals(Types.VARCHAR, columns.getInt("DATA_TYPE"));
            assertEquals(79, columns.getInt("COLUMN_SIZE"));
            assertTrue(columns.next());
            assertEquals(Types.DATE, columns.getInt("DATA_TYPE"));
            assertEquals(4, columns.getInt("ORDINAL_POSITION"));
            assertFalse(columns.next());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE with_default (a INTEGER DEFAULT 1 + 1, b VARCHAR)");
        }
        try (ResultSet columns = meta.getColumns(null, null, "with\\_default", "%")) {
            assertTrue(columns.next());
            assertEquals("(1 + 1)", columns.getString("COLUMN_DEF"));
            assertTrue(columns.next());
            assertEquals(null, columns.getString("COLUMN_DEF"));
            assertFalse(columns.next());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE with_default");
        }
        try (ResultSet columns = meta.getColumns(null, null, "%", "o\\_order%")) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
            }
            assertEquals(List.of("o_orderkey", "o_orderdate"), names);
        }

        try (ResultSet schemas = meta.getSchemas()) {
            assertTrue(schemas.next());
            assertEquals("main", schemas.getString("TABLE_SCHEM"));
            assertFalse(schemas.next());
        }
        try (ResultSet catalogs = meta.getCatalogs()) {
            assertFalse(catalogs.next());
        }
        try (ResultSet types = meta.getTypeInfo()) {
            List<String> names = new ArrayList<>();
            while (types.next()) {
                names.add(types.getString("TYPE_NAME"));
            }
            assertTrue(names.containsAll(List.of("BOOLEAN", "INTEGER", "BIGINT", "DECIMAL", "VARCHAR", "DATE", "TIMESTAMP")), names.toString());
        }
        try (ResultSet keys = meta.getPrimaryKeys(null, null, "orders")) {
            assertEquals(6, keys.getMetaData().getColumnCount());
            assertFalse(keys.next());
        }
        try (ResultSet indexes = meta.getIndexInfo(null, null, "orders", false, true)) {
            assertFalse(indexes.next());
        }
        assertEquals("main", connection.getSchema());
        assertNull(connection.getCatalog());
    }

    private static List<String> tableNames(ResultSet tables) throws SQLException
    {
        List<String> names = new ArrayList<>();
        try (tables) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    @Test
    void twoConnectionsShareOneDirectory(@TempDir Path dir) throws SQLException
    {
        Path db = dir.resolve("shared db");
        try (Connection first = DriverManager.getConnection("jdbc:basalt:" + db)) {
            try (Statement statement = first.createStatement()) {
                statement.execute("CREATE TABLE t (x INTEGER)");
                statement.execute("INSERT INTO t VALUES (1), (2)");
            }
            // another spelling of the same directory
            try (Connection second = DriverManager.getConnection("jdbc:basalt:" + dir.resolve("sub/../shared db"))) {
                assertEquals(1, DatabaseRegistry.INSTANCE.openCount());
                try (Statement statement = second.createStatement()) {
                    statement.execute("INSERT INTO t VALUES (3)");
                }
                first.close();
                assertEquals(1, DatabaseRegistry.INSTANCE.openCount(), "still open for the second connection");
                try (Statement statement = second.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT sum(x) FROM t")) {
                    assertTrue(rs.next());
                    assertEquals(6, rs.getLong(1));
                }
            }
        }
        assertEquals(0, DatabaseRegistry.INSTANCE.openCount());
        try (Connection reopened = DriverManager.getConnection("jdbc:basalt:" + db);
                Statement statement = reopened.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM t")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getLong(1), "the data survived closing the database");
        }
    }

    @Test
    void namedAndPrivateInMemoryDatabases() throws SQLException
    {
        try (Connection a = DriverManager.getConnection("jdbc:basalt:memory:shared");
                Connection b = DriverManager.getConnection("jdbc:basalt:memory:shared");
                Connection other = DriverManager.getConnection("jdbc:basalt:")) {
            try (Statement statement = a.createStatement()) {
                statement.execute("CREATE TABLE m (x INTEGER)");
            }
            assertEquals(List.of("m"), tableNames(b.getMetaData().getTables(null, null, "%", null)));
            assertEquals(List.of(), tableNames(other.getMetaData().getTables(null, null, "%", null)));
            assertEquals(List.of(), tableNames(connection.getMetaData().getTables(null, null, "%", null)));
        }
        try (Connection fresh = DriverManager.getConnection("jdbc:basalt:memory:shared")) {
            assertEquals(List.of(), tableNames(fresh.getMetaData().getTables(null, null, "%", null)), "closed with its last connection");
        }
    }

    @Test
    void connectionLifecycle() throws SQLException
    {
        assertTrue(connection.getAutoCommit());
        connection.setAutoCommit(true);
        // nothing pending in auto-commit mode: no-ops
        connection.commit();
        connection.rollback();
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, connection.getTransactionIsolation());
        assertThrows(SQLFeatureNotSupportedException.class, () -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
        assertTrue(connection.isValid(1));
        assertEquals("SELECT 1", connection.nativeSQL("SELECT 1"));
        assertTrue(connection.isWrapperFor(dev.basalt.engine.Session.class));
        assertInstanceOf(dev.basalt.engine.Session.class, connection.unwrap(dev.basalt.engine.Session.class));

        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT 1");
        Connection other = DriverManager.getConnection("jdbc:basalt:");
        other.close();
        assertTrue(other.isClosed());
        assertFalse(other.isValid(0));
        assertEquals("08003", assertThrows(SQLException.class, other::createStatement).getSQLState());

        connection.close();
        assertTrue(statement.isClosed(), "closing a connection closes its statements");
        assertTrue(rs.isClosed(), "and their result sets");
        assertEquals("08003", assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1")).getSQLState());
        connection = DriverManager.getConnection("jdbc:basalt:");
    }
}
