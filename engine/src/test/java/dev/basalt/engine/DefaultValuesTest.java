package dev.basalt.engine;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DefaultValuesTest
{
    @TempDir
    Path directory;

    @Test
    void defaultsSurviveReopenAndApplyToLaterInserts()
    {
        Path path = directory.resolve("db");
        try (Database database = Database.open(path); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER NOT NULL, label VARCHAR DEFAULT 'it''s', n INTEGER NOT NULL DEFAULT 2 * 21)");
            update(session, "INSERT INTO t (id) VALUES (1)");
            update(session, "ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 7");
            update(session, "ALTER TABLE t RENAME COLUMN label TO note");
        }
        try (Database database = Database.open(path); Session session = database.newSession()) {
            update(session, "INSERT INTO t (id) VALUES (2)");
            update(session, "INSERT INTO t (id, c) SELECT 3, NULL");
            assertEquals(List.of(List.of(1, "it's", 42, 7), List.of(2, "it's", 42, 7), Arrays.asList(3, "it's", 42, null)),
                    query(session, "SELECT * FROM t ORDER BY id"));
            assertEquals(List.of(
                    Arrays.asList("id", "INTEGER", "NO", null),
                    List.of("note", "VARCHAR", "YES", "'it''s'"),
                    List.of("n", "INTEGER", "NO", "(2 * 21)"),
                    List.of("c", "INTEGER", "YES", "7")), query(session, "DESCRIBE t"));
            Column note = session.listTables().stream().filter(table -> table.name().equals("t")).findFirst().orElseThrow().column(1);
            assertEquals(Optional.of("'it''s'"), note.defaultExpression());
        }
    }

    @Test
    void volatileDefaultsAreEvaluatedPerInsertAndExistingRowsKeepTheFillValue()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER)");
            update(session, "INSERT INTO t VALUES (1)");
            update(session, "ALTER TABLE t ADD COLUMN d DATE DEFAULT current_date");
            update(session, "INSERT INTO t (id) VALUES (2)");
            List<List<Object>> rows = query(session, "SELECT id, d FROM t ORDER BY id");
            LocalDate today = LocalDate.now();
            // the test may run over midnight: a day either way is still "evaluated", never NULL
            for (List<Object> row : rows) {
                LocalDate value = (LocalDate) row.get(1);
                assertEquals(true, !value.isBefore(today.minusDays(1)) && !value.isAfter(today.plusDays(1)), "row " + row);
            }
            assertEquals(2, rows.size());
        }
    }

    @Test
    void copyFromFillsOmittedColumnsWithTheirDefaults() throws Exception
    {
        Path csv = directory.resolve("in.csv");
        Files.writeString(csv, "1\n2\n");
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER, tag VARCHAR NOT NULL DEFAULT 'x' || 'y', other INTEGER)");
            assertEquals(2, update(session, "COPY t (id) FROM '" + csv + "'"));
            assertEquals(List.of(Arrays.asList(1, "xy", null), Arrays.asList(2, "xy", null)), query(session, "SELECT * FROM t ORDER BY id"));
        }
    }

    @Test
    void invalidDefaultsAreRefusedAtCreate()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER)");
            assertEquals("42804", code(session, "CREATE TABLE bad (a INTEGER DEFAULT DATE '2020-01-01')"));
            assertEquals("0A000", code(session, "CREATE TABLE bad (a INTEGER, b INTEGER DEFAULT a + 1)"));
            assertEquals("0A000", code(session, "CREATE TABLE bad (a INTEGER DEFAULT (SELECT 1))"));
            assertEquals("42803", code(session, "CREATE TABLE bad (a BIGINT DEFAULT count(*))"));
            assertEquals("0A000", assertThrows(BasaltException.class, () -> update(session, "CREATE TABLE bad (a INTEGER DEFAULT ?)", 5)).sqlState());
            assertEquals("0A000", code(session, "ALTER TABLE t ADD COLUMN b INTEGER DEFAULT id"));
            assertEquals("42804", code(session, "ALTER TABLE t ADD COLUMN b DATE DEFAULT true"));
            assertEquals(List.of(List.of("t")), query(session, "SHOW TABLES"));
        }
    }

    private static String code(Session session, String sql)
    {
        return assertThrows(BasaltException.class, () -> update(session, sql)).sqlState();
    }
}
