package dev.basalt.engine;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** BLOB end to end: persistence across reopen, and comparisons with other types with and without SQLite mode. */
class BlobTest
{
    @TempDir
    Path directory;

    @Test
    void blobsSurviveReopen()
    {
        Path path = directory.resolve("db");
        try (Database database = Database.open(path); Session session = database.newSession()) {
            update(session, "CREATE TABLE t (id INTEGER, b BLOB, v BYTEA DEFAULT x'00ff')");
            update(session, "INSERT INTO t VALUES (1, x'00ff7f80', x''), (2, NULL, NULL), (3, x'', x'41')");
            update(session, "INSERT INTO t (id, b) VALUES (4, 'a\\x00b'::BLOB)");
            update(session, "CREATE TABLE big AS SELECT i AS id, unhex(lpad(i::VARCHAR, 8, '0')) AS b FROM range(0, 5000) r(i)");
        }
        try (Database database = Database.open(path); Session session = database.newSession()) {
            List<List<Object>> rows = query(session, "SELECT id, b, v FROM t ORDER BY id");
            assertEquals(4, rows.size());
            assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x7F, (byte) 0x80}, (byte[]) rows.get(0).get(1));
            assertArrayEquals(new byte[0], (byte[]) rows.get(0).get(2));
            assertNull(rows.get(1).get(1));
            assertArrayEquals(new byte[0], (byte[]) rows.get(2).get(1));
            assertArrayEquals(new byte[] {'a', 0, 'b'}, (byte[]) rows.get(3).get(1));
            assertArrayEquals(new byte[] {0, (byte) 0xFF}, (byte[]) rows.get(3).get(2));
            assertEquals(List.of(List.of(5000L, 5000L)), query(session, "SELECT count(*), count(DISTINCT b) FROM big"));
            assertArrayEquals(new byte[] {0, 0, 0x49, (byte) 0x99}, (byte[]) query(session, "SELECT max(b) FROM big").getFirst().getFirst());
            assertEquals(List.of(List.of(1234L)), query(session, "SELECT id FROM big WHERE b = x'00001234'"));
        }
    }

    @Test
    void comparingBlobWithOtherTypes()
    {
        try (Database database = Database.open(directory.resolve("db")); Session session = database.newSession()) {
            update(session, "CREATE TABLE t1 (x INTEGER)");
            BasaltException error = assertThrows(BasaltException.class, () -> query(session, "SELECT x'303132' IN (SELECT * FROM t1)"));
            assertEquals(ErrorCode.UNDEFINED_FUNCTION, error.code());
            assertEquals(ErrorCode.UNDEFINED_FUNCTION, assertThrows(BasaltException.class, () -> query(session, "SELECT x'303132' = 1")).code());
            assertEquals(ErrorCode.CANNOT_COERCE, assertThrows(BasaltException.class, () -> query(session, "SELECT CAST(x'30' AS DOUBLE)")).code());

            update(session, "SET sqlite_compatibility = true");
            assertEquals(List.of(List.of(false, true)), query(session, "SELECT x'303132' IN (SELECT * FROM t1), x'303132' NOT IN (SELECT * FROM t1)"));
            update(session, "INSERT INTO t1 VALUES (303132), (48)");
            assertEquals(List.of(List.of(false, true)), query(session, "SELECT x'303132' IN (SELECT * FROM t1), x'303132' NOT IN (SELECT * FROM t1)"));
            assertEquals(List.of(List.of(false, true, false, true, true)),
                    query(session, "SELECT x'30' = 48, x'30' <> 48, x'30' <= 48, x'30' >= 48, x'' > 'zzz'"));
            update(session, "INSERT INTO t1 VALUES (NULL)");
            List<Object> nulls = new ArrayList<>(Arrays.asList(null, null));
            assertEquals(List.of(nulls), query(session, "SELECT x'303132' IN (SELECT * FROM t1), x'303132' NOT IN (SELECT * FROM t1)"));
            assertEquals(List.of(List.of(2L)), query(session, "SELECT count(*) FROM t1 WHERE x < x'00'"));
        }
    }
}
