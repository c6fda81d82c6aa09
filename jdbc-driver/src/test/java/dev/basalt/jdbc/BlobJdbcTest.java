package dev.basalt.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BLOB through JDBC: getBytes/getObject give byte[], getString the text form, setBytes binds a BLOB. */
class BlobJdbcTest
{
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
    }

    @Test
    void readsAndBindsBlobs() throws SQLException
    {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER, b BLOB)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setBytes(2, all);
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setBytes(2, null);
            insert.executeUpdate();
            insert.setInt(1, 3);
            insert.setObject(2, new byte[] {'A', 0});
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, b FROM t WHERE b = ? OR id = 2 ORDER BY id")) {
            select.setBytes(1, all);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData metadata = rows.getMetaData();
                assertEquals(Types.VARBINARY, metadata.getColumnType(2));
                assertEquals("BLOB", metadata.getColumnTypeName(2));
                assertEquals(byte[].class.getName(), metadata.getColumnClassName(2));
                assertTrue(rows.next());
                assertArrayEquals(all, rows.getBytes(2));
                assertArrayEquals(all, (byte[]) rows.getObject(2));
                assertArrayEquals(all, rows.getObject(2, byte[].class));
                assertTrue(rows.getString(2).startsWith("\\x00\\x01"));
                assertTrue(rows.next());
                assertNull(rows.getBytes(2));
                assertTrue(rows.wasNull());
                assertFalse(rows.next());
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT b, hex(b) FROM t WHERE id = 3")) {
            assertTrue(rows.next());
            assertEquals("A\\x00", rows.getString(1));
            assertInstanceOf(byte[].class, rows.getObject(1));
            assertEquals("4100", rows.getString(2));
        }
        try (ResultSet types = connection.getMetaData().getTypeInfo()) {
            boolean found = false;
            while (types.next()) {
                found |= types.getString("TYPE_NAME").equals("BLOB") && types.getInt("DATA_TYPE") == Types.VARBINARY;
            }
            assertTrue(found, "getTypeInfo lists BLOB");
        }
        try (Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT x'41' = 1"));
            assertEquals("42883", error.getSQLState());
        }
    }
}
