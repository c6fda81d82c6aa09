package dev.basalt.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setAutoCommit(false) / commit() / rollback() over two connections to one shared in-memory database. */
class TransactionsTest
{
    private static final String URL = "jdbc:basalt:memory:transactions";

    private Connection first;
    private Connection second;

    @BeforeEach
    void setUp() throws SQLException
    {
        first = DriverManager.getConnection(URL);
        second = DriverManager.getConnection(URL);
        try (Statement statement = first.createStatement()) {
            statement.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v VARCHAR)");
        }
    }

    @AfterEach
    void tearDown() throws SQLException
    {
        first.close();
        second.close();
    }

    @Test
    void manualCommit() throws SQLException
    {
        first.setAutoCommit(false);
        assertFalse(first.getAutoCommit());
        try (PreparedStatement insert = first.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setString(2, "a");
            assertEquals(1, insert.executeUpdate());
            insert.setInt(1, 2);
            insert.setString(2, "b");
            assertEquals(1, insert.executeUpdate());
        }
        assertEquals(2, count(first));
        assertEquals(0, count(second), "uncommitted rows are invisible to other connections");
        first.commit();
        assertEquals(2, count(second));

        // the next statement opens the next transaction
        try (Statement statement = first.createStatement()) {
            assertEquals(1, statement.executeUpdate("DELETE FROM t WHERE id = 1"));
        }
        first.rollback();
        assertEquals(2, count(first));
        assertEquals(2, count(second));
    }

    @Test
    void switchingAutoCommitOnCommits() throws SQLException
    {
        first.setAutoCommit(false);
        try (Statement statement = first.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (1, 'a')");
        }
        assertEquals(0, count(second));
        first.setAutoCommit(true);
        assertEquals(1, count(second));
    }

    @Test
    void failedTransactionNeedsRollback() throws SQLException
    {
        first.setAutoCommit(false);
        try (Statement statement = first.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (1, 'a')");
            assertThrows(SQLIntegrityConstraintViolationException.class, () -> statement.executeUpdate("INSERT INTO t VALUES (1, 'again')"));
            assertEquals("25P02", assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1")).getSQLState());
            // commit of a failed transaction rolls back and says so
            assertEquals("25P02", assertThrows(SQLException.class, first::commit).getSQLState());
            assertEquals(0, count(first));
        }
    }

    @Test
    void firstCommitterWins() throws SQLException
    {
        first.setAutoCommit(false);
        assertEquals(0, count(first));
        try (Statement statement = second.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (5, 'other')");
        }
        try (Statement statement = first.createStatement()) {
            SQLTransactionRollbackException conflict = assertThrows(SQLTransactionRollbackException.class,
                    () -> statement.executeUpdate("INSERT INTO t VALUES (6, 'mine')"));
            assertEquals("40001", conflict.getSQLState());
        }
        first.rollback();
        try (Statement statement = first.createStatement()) {
            assertEquals(1, statement.executeUpdate("INSERT INTO t VALUES (6, 'mine')"));
        }
        first.commit();
        assertEquals(2, count(second));
    }

    @Test
    void explicitBeginInAutoCommitMode() throws SQLException
    {
        try (Statement statement = first.createStatement()) {
            statement.execute("BEGIN");
            statement.executeUpdate("INSERT INTO t VALUES (1, 'a')");
            assertEquals(0, count(second));
            statement.execute("COMMIT");
        }
        assertEquals(1, count(second));
    }

    @Test
    void closingRollsBack() throws SQLException
    {
        Connection third = DriverManager.getConnection(URL);
        third.setAutoCommit(false);
        try (Statement statement = third.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (1, 'a')");
        }
        third.close();
        assertEquals(0, count(first));
        assertTrue(first.getAutoCommit());
    }

    private static int count(Connection connection) throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
            assertTrue(rows.next());
            return rows.getInt(1);
        }
    }
}
