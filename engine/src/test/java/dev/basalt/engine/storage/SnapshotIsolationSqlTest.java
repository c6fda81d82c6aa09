package dev.basalt.engine.storage;

import dev.basalt.engine.Database;
import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.basalt.engine.storage.SqlRunner.explain;
import static dev.basalt.engine.storage.SqlRunner.query;
import static dev.basalt.engine.storage.SqlRunner.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshot isolation through SQL: a reader's transaction, and a streaming result, keep seeing one consistent
 * snapshot (through full scans and index lookups) while another session commits inserts, deletes, updates and
 * compacts the table.
 */
class SnapshotIsolationSqlTest
{
    private static final String DIGITS = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";
    /** 0..9999: more rows than one batch, so a result streams several. */
    private static final String TEN_THOUSAND = "SELECT a.x * 1000 + b.x * 100 + c.x * 10 + e.x FROM "
            + DIGITS + " a(x), " + DIGITS + " b(x), " + DIGITS + " c(x), " + DIGITS + " e(x)";

    @TempDir
    Path directory;

    private Database open(boolean onDisk)
    {
        return onDisk ? Database.open(directory.resolve("db")) : Database.inMemory();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void transactionKeepsItsSnapshotWhileAnotherSessionCommits(boolean onDisk)
    {
        try (Database database = open(onDisk);
                Session reader = database.newSession();
                Session writer = database.newSession()) {
            update(writer, "CREATE TABLE t (id INTEGER, v INTEGER, s VARCHAR)");
            update(writer, "INSERT INTO t SELECT x, x % 100, 'v' || CAST(x AS VARCHAR) FROM (" + TEN_THOUSAND + ") n(x)");
            update(writer, "CREATE INDEX t_id ON t (id)");
            String lookup = "SELECT id, v, s FROM t WHERE id = 4242";
            assertTrue(explain(reader, lookup).contains("index=t_id"), explain(reader, lookup));
            String totals = "SELECT count(*), sum(v), min(s), max(id) FROM t";
            List<List<Object>> before = query(reader, totals);
            List<List<Object>> lookupBefore = query(reader, lookup);
            assertEquals(List.of(List.of(10_000L, 495_000L, "v0", 9999)), before);
            assertEquals(List.of(List.of(4242, 42, "v4242")), lookupBefore);

            update(reader, "BEGIN");
            assertEquals(before, query(reader, totals));

            assertEquals(100, update(writer, "UPDATE t SET v = v + 1000, s = 'changed' WHERE id BETWEEN 4200 AND 4299"));
            assertEquals(1000, update(writer, "DELETE FROM t WHERE id >= 9000"));
            assertEquals(1, update(writer, "INSERT INTO t VALUES (20000, 7, 'a new row')"));
            // the writer sees its commits: 495000 - 49500 (deleted) + 100 * 1000 (updated) + 7 (inserted)
            assertEquals(List.of(List.of(9001L, 445_507L + 100_000L, "a new row", 20000)), query(writer, totals));
            assertEquals(List.of(List.of(4242, 1042, "changed")), query(writer, lookup));
            if (onDisk) {
                // compaction rewrites row groups and drops deleted rows: the reader's snapshot must survive it
                update(writer, "CHECKPOINT");
            }

            // the reader still sees the snapshot of its BEGIN, by full scan and by index lookup
            assertEquals(before, query(reader, totals));
            assertEquals(lookupBefore, query(reader, lookup));
            assertEquals(List.of(List.of(9500, 0, "v9500")), query(reader, "SELECT id, v, s FROM t WHERE id = 9500"));
            assertEquals(List.of(), query(reader, "SELECT id FROM t WHERE id = 20000"));
            update(reader, "COMMIT");

            assertEquals(query(writer, totals), query(reader, totals));
            assertEquals(List.of(List.of(4242, 1042, "changed")), query(reader, lookup));
            assertEquals(List.of(), query(reader, "SELECT id, v, s FROM t WHERE id = 9500"));
            assertEquals(List.of(List.of(20000)), query(reader, "SELECT id FROM t WHERE id = 20000"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void transactionSeesItsOwnChangesThroughTheIndex(boolean onDisk)
    {
        try (Database database = open(onDisk);
                Session owner = database.newSession();
                Session other = database.newSession()) {
            update(owner, "CREATE TABLE t (id INTEGER, v INTEGER)");
            update(owner, "INSERT INTO t SELECT x, x % 10 FROM (" + TEN_THOUSAND + ") n(x)");
            update(owner, "CREATE INDEX t_id ON t (id)");
            update(owner, "CREATE INDEX t_big ON t (id) WHERE v >= 5");
            for (String lookup : List.of("SELECT id, v FROM t WHERE id = 77", "SELECT id, v FROM t WHERE id = 4242 AND v >= 5",
                    "SELECT id, v FROM t WHERE id IN (20000, 20001) AND v >= 5")) {
                assertTrue(explain(owner, lookup).contains("index=t_"), explain(owner, lookup));
            }

            update(owner, "BEGIN");
            update(owner, "DELETE FROM t WHERE id = 77");
            update(owner, "UPDATE t SET v = 9, id = 20000 WHERE id = 4242");
            update(owner, "INSERT INTO t VALUES (20001, 5), (20001, 4)");
            // the transaction's own changes, read through both indexes
            assertEquals(List.of(), query(owner, "SELECT id, v FROM t WHERE id = 77"));
            assertEquals(List.of(), query(owner, "SELECT id, v FROM t WHERE id = 4242 AND v >= 5"));
            assertEquals(List.of(List.of(20000, 9), List.of(20001, 5)),
                    query(owner, "SELECT id, v FROM t WHERE id IN (20000, 20001) AND v >= 5 ORDER BY id"));
            assertEquals(List.of(List.of(20001, 4), List.of(20001, 5)), query(owner, "SELECT id, v FROM t WHERE id = 20001 ORDER BY v"));
            // another session sees none of them
            assertEquals(List.of(List.of(77, 7)), query(other, "SELECT id, v FROM t WHERE id = 77"));
            assertEquals(List.of(List.of(4242, 2)), query(other, "SELECT id, v FROM t WHERE id = 4242"));
            assertEquals(List.of(), query(other, "SELECT id, v FROM t WHERE id IN (20000, 20001) AND v >= 5"));
            update(owner, "ROLLBACK");

            assertEquals(List.of(List.of(77, 7)), query(owner, "SELECT id, v FROM t WHERE id = 77"));
            assertEquals(List.of(), query(owner, "SELECT id, v FROM t WHERE id IN (20000, 20001) AND v >= 5"));
            assertEquals(List.of(List.of(10_000L)), query(other, "SELECT count(*) FROM t"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void openResultKeepsReadingItsSnapshot(boolean onDisk)
    {
        try (Database database = open(onDisk);
                Session reader = database.newSession();
                Session writer = database.newSession()) {
            update(writer, "CREATE TABLE t (id INTEGER, v INTEGER)");
            // three commits: three row groups
            for (int part = 0; part < 3; part++) {
                update(writer, "INSERT INTO t SELECT x + " + part * 10_000 + ", 1 FROM (" + TEN_THOUSAND + ") n(x)");
            }
            long rows = 0;
            long sum = 0;
            try (QueryResult result = reader.execute("SELECT id, v FROM t")) {
                ColumnBatch first = result.nextBatch();
                assertNotNull(first);
                try (first) {
                    rows += first.rowCount();
                    sum += sum(first);
                }
                assertTrue(rows < 30_000, "the result must still have rows to stream, read " + rows);

                // everything changes under the open result, and is committed (and compacted, on disk)
                assertEquals(15_000, update(writer, "DELETE FROM t WHERE id % 2 = 0"));
                assertEquals(15_000, update(writer, "UPDATE t SET v = 100"));
                update(writer, "INSERT INTO t SELECT x + 50000, 1000 FROM (" + TEN_THOUSAND + ") n(x)");
                if (onDisk) {
                    update(writer, "CHECKPOINT");
                }
                assertEquals(List.of(List.of(25_000L, 11_500_000L)), query(writer, "SELECT count(*), sum(v) FROM t"));

                ColumnBatch batch;
                while ((batch = result.nextBatch()) != null) {
                    try (ColumnBatch owned = batch) {
                        rows += owned.rowCount();
                        sum += sum(owned);
                    }
                }
            }
            assertEquals(30_000, rows);
            assertEquals(30_000, sum);
            assertEquals(List.of(List.of(25_000L, 11_500_000L)), query(reader, "SELECT count(*), sum(v) FROM t"));
            assertEquals(0, database.allocatedMemory());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void concurrentReadersAlwaysSeeConsistentTotals(boolean onDisk) throws Exception
    {
        try (Database database = open(onDisk);
                Session writer = database.newSession();
                Session reader = database.newSession()) {
            update(writer, "CREATE TABLE accounts (id INTEGER, balance INTEGER)");
            update(writer, "INSERT INTO accounts SELECT x, 100 FROM (" + TEN_THOUSAND + ") n(x) WHERE x < 1000");
            update(writer, "CREATE INDEX accounts_id ON accounts (id)");
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
                // transfers move money between accounts and open or close accounts holding nothing, each in one
                // transaction: every snapshot holds 100000 in total
                while (!done.get() || reads.get() < 3) {
                    List<List<Object>> totals = query(reader, "SELECT sum(balance), count(*) FROM accounts");
                    assertEquals(100_000L, totals.getFirst().getFirst(), "total balance " + totals);
                    reads.incrementAndGet();
                }
            });
            try {
                for (int i = 0; i < 12; i++) {
                    int from = (i * 37) % 1000;
                    int to = (i * 91 + 5) % 1000;
                    update(writer, "BEGIN");
                    update(writer, "UPDATE accounts SET balance = balance - 7 WHERE id = " + from);
                    update(writer, "UPDATE accounts SET balance = balance + 7 WHERE id = " + to);
                    update(writer, "INSERT INTO accounts VALUES (" + (5000 + i) + ", 0)");
                    update(writer, "DELETE FROM accounts WHERE id = " + (5000 + i - 1));
                    update(writer, "COMMIT");
                    if (onDisk && i % 6 == 5) {
                        update(writer, "CHECKPOINT");
                    }
                }
            }
            finally {
                done.set(true);
            }
            readers.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(List.of(100_000L, 1001L)), query(writer, "SELECT sum(balance), count(*) FROM accounts"));
        }
    }

    /** Sum of the second (INTEGER, non-null) column over the batch's live rows. */
    private static long sum(ColumnBatch batch)
    {
        IntVector values = (IntVector) batch.column(1);
        long sum = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            sum += values.get(batch.position(row));
        }
        return sum;
    }
}
