package dev.basalt.storage;

import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a child JVM that commits numbered transactions (fsync on) with SIGKILL at random moments, then checks
 * that the reopened database holds exactly transactions 1..N, where N is the last number the child printed or
 * the one it was committing (its commit may have finished before the print), and no file it does not reference.
 */
class CrashRecoveryTest
{
    private static final int ROUNDS = 24;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(40);

    private static final Pattern PROGRESS = Pattern.compile("(START|COMMITTED) (\\d+)");

    @TempDir
    Path directory;

    @Test
    void recoversExactlyTheCommittedTransactions()
            throws Exception
    {
        Random random = new Random(20261128);
        long committed = 0;
        long start = System.nanoTime();
        int rounds = 0;
        int killedMidRun = 0;
        while (rounds < ROUNDS && System.nanoTime() - start < BUDGET_NANOS) {
            rounds++;
            Process process = startWorker(Long.MAX_VALUE);
            // Let it get going (JVM start, recovery, a first commit), then kill it somewhere in the middle of its work;
            // now and then right away, during recovery.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long first = random.nextInt(8) == 0 ? -1 : committed;
            while (lastPrinted() <= first && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(400));
            boolean alive = process.isAlive();
            process.destroyForcibly();
            process.waitFor();
            if (alive) {
                killedMidRun++;
            }
            long lastPrinted = Math.max(lastPrinted(), 0);
            lastOutput = Files.readString(outputFile);
            assertTrue(lastPrinted >= committed, "the worker went backwards: " + lastPrinted + " < " + committed);
            committed = verify(lastPrinted);
        }
        System.out.println("crash test: " + rounds + " rounds, killed mid-run " + killedMidRun + " times, " + committed + " transactions committed");
        assertTrue(rounds >= 5, "only " + rounds + " rounds ran");
        assertTrue(killedMidRun >= rounds / 2, "the worker was killed while running only " + killedMidRun + " of " + rounds + " times");
        assertTrue(committed > rounds, "too few transactions committed: " + committed);
        // A clean finish after all the crashes.
        Process process = startWorker(committed + 10);
        assertEquals(0, process.waitFor());
        assertEquals(committed + 10, lastPrinted());
        assertEquals(committed + 10, verify(committed + 10));
    }

    /** Reopens, checks content and files; returns the number of the last committed transaction. */
    private long verify(long lastPrinted)
            throws IOException
    {
        try (RootAllocator allocator = new RootAllocator(); DirectoryCatalog catalog = DirectoryCatalog.open(directory, StorageOptions.defaults().withRowGroupSize(64))) {
            TransactionTest.assertNoOrphans(catalog, directory);
            if (catalog.getTable("marker").isEmpty()) {
                assertTrue(lastPrinted == 0, "transaction 1 was printed but is not there");
                assertEquals(List.of(), catalog.listTables());
                return 0;
            }
            TreeSet<Long> markers = new TreeSet<>();
            for (List<Object> row : TestTables.readAll(catalog.getTable("marker").orElseThrow(), allocator)) {
                assertTrue(markers.add((Long) row.getFirst()), "transaction " + row.getFirst() + " is there twice");
            }
            long last = markers.last();
            assertEquals(last, markers.size(), "markers are not exactly 1.." + last + ": " + markers);
            assertTrue(last == lastPrinted || last == lastPrinted + 1, "last printed " + lastPrinted + ", database holds 1.." + last + "; output:\n" + lastOutput);
            CrashWorkload.Model model = new CrashWorkload.Model();
            for (long n = 1; n <= last; n++) {
                model.apply(n);
            }
            dev.basalt.spi.catalog.Table data = catalog.getTable("data").orElseThrow();
            List<String> columns = new ArrayList<>();
            for (dev.basalt.spi.catalog.Column column : data.schema().columns()) {
                columns.add(column.name());
            }
            assertEquals(model.columns, columns, "columns after transaction " + last);
            List<List<Object>> rows = new ArrayList<>(TestTables.readAll(data, allocator));
            rows.sort(Comparator.comparing(row -> (Long) row.getFirst()));
            assertEquals(new ArrayList<>(model.rows.values()), rows, "rows after transaction " + last);
            assertEquals(model.rows.size(), data.statistics().rowCount());
            if (last >= 7) {
                long low = last * 5;
                dev.basalt.spi.catalog.IndexLookup lookup = new dev.basalt.spi.catalog.IndexLookup("data_id",
                        List.of(new dev.basalt.spi.catalog.ColumnPredicate.Range(0, low, true, low + 40, true)));
                List<List<Object>> found = TestTables.read(data, dev.basalt.spi.catalog.ScanSpec.allColumns(data.schema()).withIndex(lookup), allocator);
                found.sort(Comparator.comparing(row -> (Long) row.getFirst()));
                assertEquals(new ArrayList<>(model.rows.subMap(low, true, low + 40, true).values()), found, "index lookup after transaction " + last);
            }
            assertEquals(0, allocator.getAllocatedMemory());
            return last;
        }
    }

    private Process startWorker(long last)
            throws IOException
    {
        String java = ProcessHandle.current().info().command().orElse("java");
        if (outputFile != null) {
            Files.deleteIfExists(outputFile);
        }
        outputFile = Files.createTempFile("basalt-crash-worker", ".out");
        outputFile.toFile().deleteOnExit();
        return new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "--add-modules=jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-XX:+DisplayVMOutputToStderr",
                "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(), directory.toString(), Long.toString(last))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(outputFile.toFile())
                .start();
    }

    /**
     * The child's stdout goes to a file, not a pipe: reading a pipe while the JDK drains it at process exit can lose
     * the last lines (the reaper thread closes the stream under a concurrent reader), which would look like a
     * commit the child never reported.
     */
    private Path outputFile;
    private String lastOutput = "";

    /** The highest transaction number the child has printed so far (-1 when none). */
    private long lastPrinted()
            throws IOException
    {
        long printed = -1;
        Matcher matcher = PROGRESS.matcher(Files.readString(outputFile));
        while (matcher.find()) {
            printed = Math.max(printed, Long.parseLong(matcher.group(2)));
        }
        return printed;
    }
}
