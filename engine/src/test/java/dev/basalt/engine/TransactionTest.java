package dev.basalt.engine;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactions seen through SQL from several sessions: isolation, one writer, first committer wins, failed state. */
class TransactionTest
{
    @Test
    void snapshotIsolationBetweenSessions()
    {
        try (Database database = Database.inMemory();
                Session a = database.newSession();
                Session b = database.newSession()) {
            update(a, "CREATE TABLE t(x INTEGER)");
            update(a, "INSERT INTO t VALUES (1)");

            update(a, "BEGIN");
            assertTrue(a.inTransaction());
            update(a, "INSERT INTO t VALUES (2)");
            // b does not see a's uncommitted row; a sees it
            assertEquals(1L, scalar(b, "SELECT count(*) FROM t"));
            assertEquals(2L, scalar(a, "SELECT count(*) FROM t"));

            // b's own transaction keeps its snapshot even after a commits
            update(b, "BEGIN");
            assertEquals(1L, scalar(b, "SELECT count(*) FROM t"));
            update(a, "COMMIT");
            assertFalse(a.inTransaction());
            assertEquals(1L, scalar(b, "SELECT count(*) FROM t"));
            update(b, "COMMIT");
            assertEquals(2L, scalar(b, "SELECT count(*) FROM t"));
            assertEquals(0, database.allocatedMemory());
        }
    }

    @Test
    void firstCommitterWins()
    {
        try (Database database = Database.inMemory();
                Session a = database.newSession();
                Session b = database.newSession()) {
            update(a, "CREATE TABLE t(x INTEGER)");
            update(b, "BEGIN");
            assertEquals(0L, scalar(b, "SELECT count(*) FROM t"));
            // a commits after b's snapshot was taken: b's first change must fail
            update(a, "INSERT INTO t VALUES (1)");
            BasaltException conflict = assertThrows(BasaltException.class, () -> update(b, "INSERT INTO t VALUES (2)"));
            assertEquals(ErrorCode.SERIALIZATION_FAILURE, conflict.code());
            // the transaction is failed now
            assertEquals(ErrorCode.IN_FAILED_SQL_TRANSACTION, assertThrows(BasaltException.class, () -> query(b, "SELECT 1")).code());
            update(b, "ROLLBACK");
            update(b, "INSERT INTO t VALUES (2)");
            assertEquals(List.of(List.of(1), List.of(2)), query(a, "SELECT x FROM t ORDER BY x"));
        }
    }

    @Test
    void oneWriterAtATime()
    {
        DatabaseOptions options = DatabaseOptions.defaults().withWriterWaitTimeout(Duration.ofMillis(50));
        try (Database database = Database.inMemory(options);
                Session a = database.newSession();
                Session b = database.newSession()) {
            update(a, "CREATE TABLE t(x INTEGER)");
            update(a, "BEGIN");
            update(a, "INSERT INTO t VALUES (1)");
            // a holds the writer permit: b's autocommit write gives up after the timeout
            BasaltException busy = assertThrows(BasaltException.class, () -> update(b, "INSERT INTO t VALUES (2)"));
            assertEquals(ErrorCode.OBJECT_IN_USE, busy.code());
            // readers are never blocked
            assertEquals(0L, scalar(b, "SELECT count(*) FROM t"));
            update(a, "ROLLBACK");
            update(b, "INSERT INTO t VALUES (2)");
            assertEquals(List.of(List.of(2)), query(a, "SELECT x FROM t"));
        }
    }

    @Test
    void waitingWriterProceedsAfterCommit()
            throws Exception
    {
        try (Database database = Database.inMemory();
                Session a = database.newSession();
                Session b = database.newSession()) {
            update(a, "CREATE TABLE t(x INTEGER)");
            update(a, "BEGIN");
            update(a, "INSERT INTO t VALUES (1)");
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                return update(b, "INSERT INTO t VALUES (2)");
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            update(a, "COMMIT");
            assertEquals(1L, waiting.get(30, TimeUnit.SECONDS));
            assertEquals(2L, scalar(a, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void concurrentWritersNeverBreakAKey()
            throws Exception
    {
        int threads = 4;
        int keys = 40;
        try (Database database = Database.inMemory()) {
            try (Session setup = database.newSession()) {
                update(setup, "CREATE TABLE t(k INTEGER PRIMARY KEY, writer INTEGER)");
            }
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                writers.add(CompletableFuture.supplyAsync(() -> {
                    int duplicates = 0;
                    try (Session session = database.newSession()) {
                        for (int key = 0; key < keys; key++) {
                            try {
                                update(session, "INSERT INTO t VALUES (?, ?)", key, id);
                            }
                            catch (BasaltException e) {
                                assertEquals(ErrorCode.UNIQUE_VIOLATION, e.code(), e.getMessage());
                                duplicates++;
                            }
                        }
                    }
                    return duplicates;
                }));
            }
            int duplicates = 0;
            for (CompletableFuture<Integer> writer : writers) {
                duplicates += writer.get(60, TimeUnit.SECONDS);
            }
            // every key went in exactly once; every other attempt saw it
            assertEquals((threads - 1) * keys, duplicates);
            try (Session check = database.newSession()) {
                assertEquals(List.of(List.of((long) keys, (long) keys)), query(check, "SELECT count(*), count(DISTINCT k) FROM t"));
            }
        }
    }

    @Test
    void closingSessionRollsBack(@TempDir Path directory)
    {
        try (Database database = Database.open(directory)) {
            try (Session session = database.newSession()) {
                update(session, "CREATE TABLE t(x INTEGER PRIMARY KEY)");
                update(session, "BEGIN");
                update(session, "INSERT INTO t VALUES (1)");
            }
            try (Session session = database.newSession()) {
                update(session, "BEGIN");
                update(session, "INSERT INTO t VALUES (2)");
            }
            // the database closes the session and so rolls its transaction back
        }
        try (Database database = Database.open(directory);
                Session session = database.newSession()) {
            assertEquals(0L, scalar(session, "SELECT count(*) FROM t"));
            update(session, "INSERT INTO t VALUES (1)");
            // the constraint survived reopening
            assertEquals(ErrorCode.UNIQUE_VIOLATION, assertThrows(BasaltException.class, () -> update(session, "INSERT INTO t VALUES (1)")).code());
        }
    }

    @Test
    void committedTransactionSurvivesReopen(@TempDir Path directory)
    {
        try (Database database = Database.open(directory);
                Session session = database.newSession()) {
            update(session, "CREATE TABLE t(x INTEGER, y VARCHAR)");
            update(session, "BEGIN");
            update(session, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            update(session, "UPDATE t SET y = 'bb' WHERE x = 2");
            update(session, "DELETE FROM t WHERE x = 3");
            update(session, "CREATE VIEW v AS SELECT y FROM t WHERE x < 3");
            update(session, "CREATE INDEX t_partial ON t(x) WHERE y > 'a'");
            update(session, "COMMIT");
        }
        try (Database database = Database.open(directory);
                Session session = database.newSession()) {
            assertEquals(List.of(List.of("a"), List.of("bb")), query(session, "SELECT y FROM v ORDER BY y"));
            assertEquals(List.of(List.of(2)), query(session, "SELECT x FROM t WHERE y > 'a'"));
            update(session, "CHECKPOINT");
            assertEquals(List.of(List.of(1, "a"), List.of(2, "bb")), query(session, "SELECT x, y FROM t ORDER BY x"));
        }
    }

    @Test
    void errorsOutsideTransactionsDoNotStick()
    {
        try (Database database = Database.inMemory();
                Session session = database.newSession()) {
            assertEquals(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, assertThrows(BasaltException.class, () -> update(session, "COMMIT")).code());
            assertEquals(ErrorCode.UNDEFINED_TABLE, assertThrows(BasaltException.class, () -> query(session, "SELECT * FROM nope")).code());
            assertEquals(1, scalar(session, "SELECT 1"));
            update(session, "BEGIN");
            assertEquals(ErrorCode.ACTIVE_SQL_TRANSACTION, assertThrows(BasaltException.class, () -> update(session, "BEGIN")).code());
            // BEGIN inside a transaction does not fail it
            assertEquals(1, scalar(session, "SELECT 1"));
            assertEquals(ErrorCode.SYNTAX_ERROR, assertThrows(BasaltException.class, () -> query(session, "SELEC 1")).code());
            assertEquals(ErrorCode.IN_FAILED_SQL_TRANSACTION, assertThrows(BasaltException.class, () -> query(session, "SELECT 1")).code());
            assertEquals(ErrorCode.IN_FAILED_SQL_TRANSACTION, assertThrows(BasaltException.class, () -> update(session, "COMMIT")).code());
            assertFalse(session.inTransaction());
            assertEquals(1, scalar(session, "SELECT 1"));
        }
    }
}
