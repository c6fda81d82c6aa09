package dev.basalt.engine;

import dev.basalt.spi.error.BasaltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryTest
{
    private static final String BIG_GROUP_BY = "SELECT id, label, count(*) FROM big GROUP BY id, label ORDER BY label DESC";

    @TempDir
    Path directory;

    private void fill(Session session)
            throws IOException
    {
        update(session, "CREATE TABLE big (id INTEGER, label VARCHAR)");
        // 40 000 distinct groups with long labels: the hash table and the sort need several MB
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            csv.append(i).append(",label-number-").append(i).append("-padding-padding-padding-padding\n");
        }
        Path file = directory.resolve("big.csv");
        Files.writeString(file, csv);
        assertEquals(40_000, update(session, "COPY big FROM '" + file + "'"));
    }

    @Test
    void queryOverItsLimitFailsWith53200()
            throws IOException
    {
        try (Database database = Database.inMemory(DatabaseOptions.defaults().withQueryMemoryLimit(512 * 1024)); Session session = database.newSession()) {
            update(session, "SET memory_limit = '1GB'");
            fill(session);
            update(session, "SET memory_limit = '512KiB'");
            BasaltException e = assertThrows(BasaltException.class, () -> query(session, BIG_GROUP_BY));
            assertEquals("53200", e.sqlState());
            assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
            assertEquals(0, database.allocatedMemory());
            // the session and the database survive, and a bigger limit lets the query through
            update(session, "SET memory_limit = '1GB'");
            assertEquals(40_000, query(session, BIG_GROUP_BY).size());
            assertEquals(40_000L, scalar(session, "SELECT count(*) FROM big"));
        }
    }

    @Test
    void databaseOptionsLimitEveryQuery()
            throws IOException
    {
        try (Database database = Database.inMemory(DatabaseOptions.defaults().withQueryMemoryLimit(256 * 1024)); Session session = database.newSession()) {
            update(session, "SET memory_limit = '1GB'");
            fill(session);
            update(session, "RESET memory_limit");
            assertEquals("53200", assertThrows(BasaltException.class, () -> query(session, BIG_GROUP_BY)).sqlState());
        }
    }

    @Test
    void allocatorIsEmptyAtClose()
    {
        Database database = Database.inMemory();
        Session session = database.newSession();
        update(session, "CREATE TABLE t (x INTEGER)");
        update(session, "INSERT INTO t VALUES (1), (2)");
        QueryResult open = session.execute("SELECT x FROM t");
        open.nextBatch().close();
        // left open on purpose: close() of the database closes it
        database.close();
        assertEquals(0, database.allocatedMemory());
        assertThrows(BasaltException.class, database::newSession);
    }

    @Test
    void leakedBatchFailsLoudly()
    {
        Database database = Database.inMemory();
        Session session = database.newSession();
        update(session, "CREATE TABLE t (x INTEGER)");
        update(session, "INSERT INTO t VALUES (1), (2)");
        QueryResult result = session.execute("SELECT x FROM t");
        dev.basalt.spi.batch.ColumnBatch batch = result.nextBatch();
        // the batch is not closed: closing the result must name the leak
        IllegalStateException leak = assertThrows(IllegalStateException.class, result::close);
        assertTrue(leak.getMessage().contains("leak"), leak.getMessage());
        assertThrows(IllegalStateException.class, database::close);
        batch.close();
    }
}
