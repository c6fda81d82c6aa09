package dev.basalt.storage;

import dev.basalt.spi.catalog.Transaction;
import org.apache.arrow.memory.RootAllocator;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link CrashRecoveryTest}: runs the numbered transactions of {@link CrashWorkload} with fsync
 * on, printing each number right after its commit returned, until it is killed (or {@code args[1]} is reached).
 */
public final class CrashWorker
{
    private CrashWorker() {}

    public static void main(String[] args)
    {
        Path directory = Path.of(args[0]);
        long last = Long.parseLong(args[1]);
        StorageOptions options = StorageOptions.defaults().withRowGroupSize(64);
        try (RootAllocator allocator = new RootAllocator(); DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
            long committed = 0;
            if (catalog.getTable("marker").isPresent()) {
                for (List<Object> row : TestTables.readAll(catalog.getTable("marker").orElseThrow(), allocator)) {
                    committed = Math.max(committed, (Long) row.getFirst());
                }
            }
            System.out.println("START " + committed);
            System.out.flush();
            for (long n = committed + 1; n <= last; n++) {
                try (Transaction transaction = catalog.beginTransaction()) {
                    CrashWorkload.run(transaction, n, allocator);
                    transaction.commit();
                }
                System.out.println("COMMITTED " + n);
                System.out.flush();
            }
        }
    }
}
