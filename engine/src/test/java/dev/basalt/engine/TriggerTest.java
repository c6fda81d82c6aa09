package dev.basalt.engine;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerTest
{
    @TempDir
    Path directory;

    @Test
    void triggersSurviveReopenAndFire()
    {
        Path path = directory.resolve("db");
        try (Database database = Database.open(path); Session session = database.newSession()) {
            update(session, "CREATE TABLE account (id INTEGER, balance DECIMAL(12,2), day DATE)");
            update(session, "CREATE TABLE history (id INTEGER, old_balance DECIMAL(12,2), new_balance DECIMAL(12,2), day DATE)");
            update(session, """
                    CREATE TRIGGER account_history AFTER UPDATE OF balance ON account FOR EACH ROW
                    WHEN new.balance <> old.balance
                    BEGIN
                      INSERT INTO history VALUES (new.id, old.balance, new.balance, new.day);
                    END""");
            update(session, "INSERT INTO account VALUES (1, 10.50, DATE '2026-01-02'), (2, 0.00, NULL)");
        }
        try (Database database = Database.open(path); Session session = database.newSession()) {
            assertEquals(2, update(session, "UPDATE account SET balance = balance + 1"));
            // the WHEN condition filters: balance unchanged, no history
            assertEquals(1, update(session, "UPDATE account SET balance = balance WHERE id = 1"));
            assertEquals(List.of(
                            List.of(1, new BigDecimal("10.50"), new BigDecimal("11.50"), LocalDate.of(2026, 1, 2)),
                            Arrays.asList(2, new BigDecimal("0.00"), new BigDecimal("1.00"), null)),
                    query(session, "SELECT id, old_balance, new_balance, day FROM history ORDER BY id"));
            update(session, "DROP TRIGGER account_history");
        }
        try (Database database = Database.open(path); Session session = database.newSession()) {
            update(session, "UPDATE account SET balance = 0");
            assertEquals(2L, scalar(session, "SELECT count(*) FROM history"));
            BasaltException error = assertThrows(BasaltException.class, () -> update(session, "DROP TRIGGER account_history"));
            assertEquals(ErrorCode.UNDEFINED_OBJECT, error.code());
        }
    }

    @Test
    void failingTriggerRollsBackTheStatement()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER)");
            update(session, "CREATE TABLE log (id INTEGER NOT NULL)");
            update(session, "CREATE TABLE before_log (id INTEGER)");
            update(session, "CREATE TRIGGER b BEFORE INSERT ON t BEGIN INSERT INTO before_log VALUES (new.id); END");
            update(session, "CREATE TRIGGER a AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END");
            assertEquals(1, update(session, "INSERT INTO t VALUES (1)"));

            // autocommit: the row, the BEFORE trigger's row and the AFTER trigger's rows all vanish
            BasaltException error = assertThrows(BasaltException.class, () -> update(session, "INSERT INTO t VALUES (2), (NULL)"));
            assertEquals(ErrorCode.NOT_NULL_VIOLATION, error.code());
            assertEquals(1L, scalar(session, "SELECT count(*) FROM t"));
            assertEquals(1L, scalar(session, "SELECT count(*) FROM before_log"));
            assertEquals(1L, scalar(session, "SELECT count(*) FROM log"));

            // in a transaction: the error fails the transaction, ROLLBACK undoes everything
            update(session, "BEGIN");
            update(session, "INSERT INTO t VALUES (3)");
            assertThrows(BasaltException.class, () -> update(session, "INSERT INTO t VALUES (NULL)"));
            update(session, "ROLLBACK");
            assertEquals(List.of(List.of(1)), query(session, "SELECT id FROM t"));
            assertEquals(List.of(List.of(1)), query(session, "SELECT id FROM log"));
        }
    }

    @Test
    void endlessRecursionStops()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (n INTEGER)");
            update(session, "CREATE TRIGGER again AFTER INSERT ON t BEGIN INSERT INTO t VALUES (new.n + 1); END");
            BasaltException error = assertThrows(BasaltException.class, () -> update(session, "INSERT INTO t VALUES (1)"));
            assertTrue(error.getMessage().contains("too many levels of trigger recursion"), error.getMessage());
            assertEquals(0L, scalar(session, "SELECT count(*) FROM t"));
            assertEquals(0L, database.rootAllocator().getAllocatedMemory());
        }
    }

    @Test
    void deleteAndUpdateSeeOldRows()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER, name VARCHAR)");
            update(session, "CREATE TABLE log (what VARCHAR)");
            update(session, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            update(session, "CREATE TRIGGER d BEFORE DELETE ON t BEGIN INSERT INTO log VALUES ('del ' || old.name); END");
            update(session, "CREATE TRIGGER u AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (old.name || '->' || new.name); END");
            assertEquals(2, update(session, "DELETE FROM t WHERE id >= 2"));
            assertEquals(1, update(session, "UPDATE t SET name = 'z'"));
            assertEquals(List.of(List.of("a->z"), List.of("del b"), List.of("del c")), query(session, "SELECT what FROM log ORDER BY what"));
        }
    }
}
