package dev.basalt.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PersistenceTest
{
    @TempDir
    Path directory;

    @Test
    void rowsSurviveReopen()
    {
        Path path = directory.resolve("db");
        try (Database database = Database.open(path); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER NOT NULL, amount DECIMAL(12,2), note VARCHAR)");
            update(session, "INSERT INTO t VALUES (1, 1.25, 'one'), (2, NULL, 'two')");
            update(session, "CREATE TABLE gone (x INTEGER)");
            update(session, "DROP TABLE gone");
            update(session, "CREATE TABLE copy AS SELECT id, note FROM t");
        }
        try (Database database = Database.open(path); Session session = database.newSession()) {
            assertEquals(List.of(List.of("copy"), List.of("t")), query(session, "SHOW TABLES"));
            assertEquals(List.of(List.of(1, new BigDecimal("1.25"), "one"), java.util.Arrays.asList(2, null, "two")),
                    query(session, "SELECT id, amount, note FROM t ORDER BY id"));
            assertEquals(1, update(session, "INSERT INTO t VALUES (3, 3.00, 'three')"));
            assertEquals(List.of(List.of(2L)), query(session, "SELECT count(*) FROM copy"));
        }
        try (Database database = Database.open(path); Session session = database.newSession()) {
            assertEquals(List.of(List.of(3L)), query(session, "SELECT count(*) FROM t"));
        }
    }
}
