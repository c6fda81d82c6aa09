package dev.basalt.engine.tpch;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CALL dbgen(sf => x): creates the eight TPC-H tables and fills them with the io.trino.tpch generator (the same
 * data as the reference dbgen). Each table is generated in parts of about {@link #ROWS_PER_PART} rows by worker
 * threads while the calling thread appends finished parts in order (so the data keeps dbgen's row order), one
 * commit per table. If anything fails, the tables created so far are dropped again.
 */
public final class TpchLoader
{
    static final int ROWS_PER_PART = 64 * ColumnBatch.DEFAULT_ROW_COUNT;

    /** Rows per unit of scale factor, to size the parts. */
    private static final Map<String, Long> ROWS_AT_SCALE_1 = Map.of(
            "region", 5L, "nation", 25L, "part", 200_000L, "supplier", 10_000L, "partsupp", 800_000L,
            "customer", 150_000L, "orders", 1_500_000L, "lineitem", 6_001_215L);

    private TpchLoader() {}

    /** Loads all tables; returns the total number of rows. The caller holds the database's write lock. */
    public static long load(Catalog catalog, double scaleFactor, BufferAllocator allocator, int threads)
    {
        if (!(scaleFactor >= 0) || Double.isInfinite(scaleFactor)) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "dbgen scale factor must be a non-negative number, not " + scaleFactor);
        }
        for (TableSchema schema : TpchSchemas.TABLES) {
            if (catalog.getTable(schema.name()).isPresent()) {
                throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "table \"" + schema.name() + "\" already exists (dbgen creates the TPC-H tables)");
            }
        }
        int workers = Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
        ExecutorService executor = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "basalt-dbgen");
            thread.setDaemon(true);
            return thread;
        });
        List<String> created = new ArrayList<>();
        try {
            long rows = 0;
            for (TableSchema schema : TpchSchemas.TABLES) {
                Table table = catalog.createTable(schema);
                created.add(schema.name());
                if (scaleFactor > 0) {
                    rows += loadTable(table, TpchTable.getTable(schema.name()), scaleFactor, allocator, executor, workers + 1);
                }
            }
            return rows;
        }
        catch (Throwable failure) {
            for (String name : created.reversed()) {
                try {
                    catalog.dropTable(name);
                }
                catch (Throwable secondary) {
                    failure.addSuppressed(secondary);
                }
            }
            throw failure;
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static <E extends TpchEntity> long loadTable(Table table, TpchTable<E> source, double scaleFactor, BufferAllocator allocator,
            ExecutorService executor, int window)
    {
        TpchPartGenerator<E> generator = new TpchPartGenerator<>(table.schema(), source);
        long expectedRows = (long) Math.ceil(ROWS_AT_SCALE_1.get(table.schema().name()) * scaleFactor);
        int parts = (int) Math.max(1, Math.min(10_000, expectedRows / ROWS_PER_PART));
        Deque<Future<List<ColumnBatch>>> inFlight = new ArrayDeque<>();
        int nextPart = 1;
        try (TableWriter writer = table.newWriter(allocator)) {
            long rows = 0;
            while (nextPart <= parts || !inFlight.isEmpty()) {
                // keep up to `window` parts generating ahead of the writer, bounding memory
                while (nextPart <= parts && inFlight.size() < window) {
                    int part = nextPart++;
                    inFlight.addLast(executor.submit(() -> generator.generate(scaleFactor, part, parts, allocator)));
                }
                List<ColumnBatch> batches = await(inFlight.removeFirst());
                try {
                    for (ColumnBatch batch : batches) {
                        writer.append(batch);
                        rows += batch.rowCount();
                    }
                }
                finally {
                    for (ColumnBatch batch : batches) {
                        batch.close();
                    }
                }
            }
            writer.commit();
            return rows;
        }
        catch (Throwable failure) {
            // wait for the parts still generating and release their batches, or their memory would leak
            boolean interrupted = false;
            for (Future<List<ColumnBatch>> future : inFlight) {
                while (true) {
                    try {
                        for (ColumnBatch batch : future.get()) {
                            batch.close();
                        }
                        break;
                    }
                    catch (InterruptedException e) {
                        interrupted = true;
                    }
                    catch (Throwable ignored) {
                        // the part failed too; it released its own memory
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
    }

    private static List<ColumnBatch> await(Future<List<ColumnBatch>> future)
    {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_CANCELED, "dbgen was interrupted", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
