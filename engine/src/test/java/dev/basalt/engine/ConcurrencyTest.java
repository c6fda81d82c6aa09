package dev.basalt.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcurrencyTest
{
    private static final int THREADS = 4;
    private static final int INSERTS = 10;

    @Test
    void sessionsWriteAndReadConcurrently()
            throws Exception
    {
        try (Database database = Database.inMemory()) {
            try (Session setup = database.newSession()) {
                update(setup, "CREATE TABLE shared (thread INTEGER, n INTEGER)");
            }
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    int id = thread;
                    results.add(executor.submit(() -> {
                        try (Session session = database.newSession()) {
                            update(session, "CREATE TABLE own_" + id + " (n INTEGER)");
                            for (int i = 0; i < INSERTS; i++) {
                                update(session, "INSERT INTO shared VALUES (?, ?)", id, i);
                                update(session, "INSERT INTO own_" + id + " VALUES (?)", i);
                                // a reader sees a consistent snapshot: never more of its own rows than it wrote
                                long mine = (Long) scalar(session, "SELECT count(*) FROM shared WHERE thread = ?", id);
                                assertEquals(i + 1, mine);
                            }
                            return (Long) scalar(session, "SELECT count(*) FROM own_" + id);
                        }
                    }));
                }
                for (Future<Long> result : results) {
                    assertEquals(INSERTS, result.get());
                }
            }
            finally {
                executor.shutdown();
            }
            try (Session check = database.newSession()) {
                assertEquals((long) THREADS * INSERTS, scalar(check, "SELECT count(*) FROM shared"));
                assertEquals(THREADS + 1, check.listTables().size());
            }
            assertEquals(0, database.allocatedMemory());
        }
    }
}
