package dev.basalt.benchmarks.tpch;

import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * TPC-H, Basalt against DuckDB in the same process: Basalt generates the data ({@code CALL dbgen}), DuckDB gets a
 * copy of exactly those rows, then each selected query runs on both engines (warmups, then interleaved timed runs),
 * Basalt's answer is checked against DuckDB's, and one line per query reports the median times and their ratio.
 */
@Command(name = "tpch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the TPC-H queries on Basalt and DuckDB over the same generated data and compares them.")
public final class TpchRunner implements Callable<Integer>
{
    private static final Pattern ORDER_BY = Pattern.compile("\\border\\s+by\\b", Pattern.CASE_INSENSITIVE);
    private static final double TOLERANCE = 1e-6;

    enum LoadMethod
    {
        appender, csv
    }

    @Option(names = "--sf", defaultValue = "1", description = "scale factor (default ${DEFAULT-VALUE})")
    double scaleFactor;

    @Option(names = "--queries", split = ",", description = "query numbers, e.g. 1,6 (default: all 22)")
    List<Integer> queries;

    @Option(names = "--runs", defaultValue = "3", description = "timed runs per query and engine (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed runs first, so both engines are measured warm (JIT, caches) (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--threads", description = "threads for both engines (default: available processors)")
    Integer threads;

    @Option(names = "--load", defaultValue = "csv",
            description = "how DuckDB gets Basalt's data: csv (Basalt COPY TO a temp file, DuckDB COPY FROM; falls back to the appender per table) or appender (Basalt scan + DuckDB Appender, slower); default ${DEFAULT-VALUE}")
    LoadMethod load;

    @Option(names = "--database", description = "Basalt database directory (default: in memory); existing TPC-H tables there are reused")
    Path databaseDirectory;

    @Option(names = "--tpch-dir", description = "folder with queries/qNN.sql (default: <basalt.shared>/corpus/tpch or ../shared/corpus/tpch)")
    Path tpchDirectory;

    @Option(names = "--output-dir", defaultValue = "benchmarks/target", description = "where tpch-sf<N>.txt is written (default ${DEFAULT-VALUE})")
    Path outputDirectory;

    @Option(names = "--timeout", defaultValue = "900", description = "seconds one Basalt run may take before it counts as failed (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private final List<String> report = new ArrayList<>();
    private final ExecutorService basaltWorker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "basalt-tpch");
        thread.setDaemon(true);
        return thread;
    });
    private String basaltStuck;

    public static int run(String[] args)
    {
        // Later options win, so bin/tpch-bench can pass defaults that a user may override.
        return new CommandLine(new TpchRunner()).setCaseInsensitiveEnumValuesAllowed(true).setOverwrittenOptionsAllowed(true).execute(args);
    }

    public static void main(String[] args)
    {
        System.exit(run(args));
    }

    @Override
    public Integer call()
            throws Exception
    {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path queryDirectory = resolveTpchDirectory().resolve("queries");
        List<Integer> selected = queries == null || queries.isEmpty() ? range(1, 22) : queries;
        String sf = formatScaleFactor(scaleFactor);
        try (BasaltEngine basalt = onBasalt(() -> BasaltEngine.open(databaseDirectory), 0);
                DuckDbEngine duckdb = new DuckDbEngine(threadCount)) {
            onBasalt(() -> {
                basalt.execute("SET threads = " + threadCount);
                return null;
            }, 0);
            print("Basalt vs DuckDB: TPC-H SF " + sf + " (data from Basalt's CALL dbgen, copied into DuckDB via " + load + ")");
            print(String.format(Locale.ROOT, "threads: %d for both (Basalt SET threads = %d; DuckDB SET threads = %d); %d timed run(s) after %d warmup(s), interleaved; median shown, [min]",
                    threadCount, threadCount, threadCount, runs, warmup));
            print(String.format(Locale.ROOT, "JVM %s, max heap %d MB; %s", Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, duckdb.version()));

            double basaltLoad = loadBasalt(basalt, sf);
            double duckdbLoad = loadDuckDb(basalt, duckdb);
            String loadLine = String.format(Locale.ROOT, "load: basalt dbgen %.1f ms; duckdb %.1f ms (%s)", basaltLoad, duckdbLoad, load);
            print(loadLine);
            print("");

            List<Double> ratios = new ArrayList<>();
            int ok = 0;
            int mismatched = 0;
            int failed = 0;
            for (int number : selected) {
                QueryOutcome outcome = runQuery(basalt, duckdb, number, Files.readString(queryDirectory.resolve(String.format(Locale.ROOT, "q%02d.sql", number))));
                print(outcome.line());
                switch (outcome.status()) {
                    case OK -> {
                        ok++;
                        ratios.add(outcome.ratio());
                    }
                    case MISMATCH -> mismatched++;
                    case FAILED -> failed++;
                }
            }
            print("");
            print(String.format(Locale.ROOT, "geometric mean of basalt/duckdb ratios over %d OK queries: %.2f", ratios.size(), Timings.geometricMean(ratios)));
            print(String.format(Locale.ROOT, "OK %d, MISMATCH %d, FAILED %d of %d", ok, mismatched, failed, selected.size()));
            print(loadLine);
        }
        finally {
            basaltWorker.shutdownNow();
            writeReport("tpch-sf" + sf + ".txt");
        }
        return 0;
    }

    private double loadBasalt(BasaltEngine basalt, String sf)
            throws Exception
    {
        boolean present = onBasalt(() -> {
            for (TableSchema table : basalt.tables()) {
                if (table.name().equalsIgnoreCase("lineitem")) {
                    return true;
                }
            }
            return false;
        }, 0);
        if (present) {
            print("basalt: reusing the TPC-H tables in " + databaseDirectory + " (no dbgen)");
            return 0;
        }
        long start = System.nanoTime();
        onBasalt(() -> {
            basalt.execute("CALL dbgen(sf => " + sf + ")");
            return null;
        }, 0);
        return (System.nanoTime() - start) / 1e6;
    }

    private double loadDuckDb(BasaltEngine basalt, DuckDbEngine duckdb)
            throws Exception
    {
        List<TableSchema> tables = onBasalt(basalt::tables, 0);
        long start = System.nanoTime();
        Path scratch = load == LoadMethod.csv ? Files.createTempDirectory("basalt-tpch-") : null;
        try {
            for (TableSchema table : tables) {
                duckdb.createTable(table);
                if (load == LoadMethod.csv && loadByCsv(basalt, duckdb, table, scratch)) {
                    continue;
                }
                appendAll(basalt, duckdb, table);
            }
        }
        finally {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Basalt COPY TO a file, DuckDB COPY FROM it; false (after saying why) when that fails, so the appender takes over. */
    private boolean loadByCsv(BasaltEngine basalt, DuckDbEngine duckdb, TableSchema table, Path scratch)
            throws Exception
    {
        Path file = scratch.resolve(table.name() + ".csv");
        try {
            onBasalt(() -> {
                basalt.execute("COPY " + table.name() + " TO '" + file + "' (DELIMITER '|', HEADER true)");
                return null;
            }, 0);
            duckdb.copyFromCsv(table.name(), file, '|');
            return true;
        }
        catch (BasaltException | SQLException e) {
            print("csv load of " + table.name() + " failed (" + describe(e) + "); loading it with the appender");
            duckdb.execute("DELETE FROM " + table.name());
            return false;
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private void appendAll(BasaltEngine basalt, DuckDbEngine duckdb, TableSchema table)
            throws Exception
    {
        // DuckDB appenders are confined to the thread that created them: Basalt's worker does both.
        onBasalt(() -> {
            try (DuckDbEngine.BatchAppender appender = duckdb.appender(table)) {
                basalt.scan("SELECT * FROM " + table.name(), appender::append);
            }
            return null;
        }, 0);
    }

    enum Status
    {
        OK, MISMATCH, FAILED
    }

    record QueryOutcome(Status status, String line, double ratio) {}

    private QueryOutcome runQuery(BasaltEngine basalt, DuckDbEngine duckdb, int number, String sqlText)
            throws SQLException
    {
        String sql = sqlText.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        String query = sql;
        String name = String.format(Locale.ROOT, "Q%02d", number);
        Timings basaltTimes = new Timings();
        Timings duckdbTimes = new Timings();
        List<List<Object>> basaltRows = null;
        List<List<Object>> duckdbRows = null;
        String failure = null;
        for (int run = 0; run < warmup + runs; run++) {
            boolean timed = run >= warmup;
            if (failure == null) {
                long start = System.nanoTime();
                try {
                    List<List<Object>> rows = onBasalt(() -> basalt.query(query), timeoutSeconds);
                    if (timed) {
                        basaltTimes.add(System.nanoTime() - start);
                    }
                    if (basaltRows == null) {
                        basaltRows = rows;
                    }
                }
                catch (Exception e) {
                    failure = describe(e);
                }
            }
            long start = System.nanoTime();
            List<List<Object>> rows = duckdb.query(query);
            if (timed) {
                duckdbTimes.add(System.nanoTime() - start);
            }
            if (duckdbRows == null) {
                duckdbRows = rows;
            }
        }
        String duckdbTime = String.format(Locale.ROOT, "duckdb %9.1f ms", duckdbTimes.median());
        if (failure != null) {
            return new QueryOutcome(Status.FAILED, String.format(Locale.ROOT, "%s  FAILED: %s  (%s)", name, failure, duckdbTime.strip()), Double.NaN);
        }
        ResultComparator.Difference difference = new ResultComparator(TOLERANCE)
                .compare(basaltRows, duckdbRows, ORDER_BY.matcher(query).find());
        double ratio = basaltTimes.median() / duckdbTimes.median();
        String times = String.format(Locale.ROOT, "basalt %9.1f ms  %s  ratio %7.2f  [min %.1f / %.1f]",
                basaltTimes.median(), duckdbTime, ratio, basaltTimes.min(), duckdbTimes.min());
        if (difference != null) {
            return new QueryOutcome(Status.MISMATCH, String.format(Locale.ROOT, "%s  MISMATCH  %s\n     %s", name, times, difference.message()), ratio);
        }
        return new QueryOutcome(Status.OK, String.format(Locale.ROOT, "%s  OK        %s", name, times), ratio);
    }

    /** Runs on Basalt's own thread (the session stays on one thread); {@code timeout} 0 waits forever. */
    private <T> T onBasalt(Callable<T> task, int timeout)
            throws Exception
    {
        if (basaltStuck != null) {
            throw new IllegalStateException("not run: " + basaltStuck);
        }
        Future<T> future = basaltWorker.submit(task);
        try {
            return timeout > 0 ? future.get(timeout, TimeUnit.SECONDS) : future.get();
        }
        catch (TimeoutException e) {
            future.cancel(true);
            try {
                future.get(30, TimeUnit.SECONDS);
            }
            catch (TimeoutException stillRunning) {
                basaltStuck = "an earlier Basalt query ran over " + timeout + " s and did not stop";
            }
            catch (Exception ignored) {
                // cancelled or failed after the interrupt: the session is free again
            }
            throw new IllegalStateException("timed out after " + timeout + " s");
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String describe(Exception e)
    {
        if (e instanceof BasaltException b) {
            return b.toUserString().replace('\n', ' ');
        }
        return (e.getMessage() == null ? e.toString() : e.getMessage()).replace('\n', ' ');
    }

    private Path resolveTpchDirectory()
    {
        if (tpchDirectory != null) {
            return tpchDirectory;
        }
        List<Path> candidates = new ArrayList<>();
        String shared = System.getProperty("basalt.shared");
        if (shared != null) {
            candidates.add(Path.of(shared, "corpus", "tpch"));
        }
        candidates.add(Path.of("..", "shared", "corpus", "tpch"));
        candidates.add(Path.of("..", "..", "shared", "corpus", "tpch"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("queries"))) {
                return candidate;
            }
        }
        throw new CommandLine.ParameterException(new CommandLine(this), "TPC-H queries not found; pass --tpch-dir <shared>/corpus/tpch");
    }

    private void print(String line)
    {
        System.out.println(line);
        System.out.flush();
        report.add(line);
    }

    private void writeReport(String fileName)
    {
        if (report.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(outputDirectory);
            Path file = outputDirectory.resolve(fileName);
            Files.writeString(file, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
            System.out.println("written to " + file.toAbsolutePath().normalize());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formatScaleFactor(double sf)
    {
        return sf == Math.rint(sf) ? Long.toString((long) sf) : Double.toString(sf);
    }

    private static List<Integer> range(int from, int to)
    {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }

    private static void deleteRecursively(Path directory)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
