package dev.basalt.benchmarks.storage;

import dev.basalt.engine.Database;
import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.storage.DirectoryCatalog;
import dev.basalt.storage.StorageTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Basalt's on-disk size of TPC-H against DuckDB's database file for the same data, load times, and the time of a
 * selective lineitem query with zone maps (l_orderkey BETWEEN) against the same query written so that no predicate
 * reaches storage (full scan), plus with a partial index when the engine supports CREATE INDEX ... WHERE.
 * <p>{@code bin/storage-bench [--sf 1] [--legacy] [--keep]}: {@code --legacy} also loads Basalt with only the first
 * generation of encodings (PLAIN/FOR/DICTIONARY), for a before/after comparison. Writes the table to stdout and
 * {@code benchmarks/target/storage-sf<N>.txt}.
 */
public final class StorageSizeBenchmark
{
    private static final int RUNS = 5;

    private final StringBuilder report = new StringBuilder();

    private StorageSizeBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        String sf = "1";
        boolean legacy = false;
        boolean keep = false;
        Path output = Paths.get("benchmarks/target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf" -> sf = args[++i];
                case "--legacy" -> legacy = true;
                case "--keep" -> keep = true;
                case "--output-dir" -> output = Paths.get(args[++i]);
                case "--help" -> {
                    System.out.println("usage: storage-bench [--sf 1] [--legacy] [--keep] [--output-dir benchmarks/target]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new StorageSizeBenchmark().run(sf, legacy, keep, output);
    }

    private void run(String sf, boolean legacy, boolean keep, Path output)
            throws Exception
    {
        Path scratch = Files.createTempDirectory("basalt-storage-bench-");
        try {
            print("TPC-H SF " + sf + ": Basalt storage vs DuckDB database file (scratch " + scratch + ")");
            // Warm the JIT with a tiny load first, so the timed loads compare encoders rather than compilation.
            Path warmup = scratch.resolve("warmup");
            loadBasalt(warmup, "0.01");
            deleteRecursively(warmup);
            Path basaltDirectory = scratch.resolve("basalt");
            double basaltLoad = loadBasalt(basaltDirectory, sf);
            Map<String, Long> basaltSizes = tableSizes(basaltDirectory);
            long basaltTotal = directorySize(basaltDirectory);

            Map<String, Long> legacySizes = Map.of();
            long legacyTotal = -1;
            double legacyLoad = -1;
            if (legacy) {
                System.setProperty("basalt.storage.legacyEncodings", "true");
                try {
                    Path legacyDirectory = scratch.resolve("basalt-legacy");
                    legacyLoad = loadBasalt(legacyDirectory, sf);
                    legacySizes = tableSizes(legacyDirectory);
                    legacyTotal = directorySize(legacyDirectory);
                    deleteRecursively(legacyDirectory);
                }
                finally {
                    System.clearProperty("basalt.storage.legacyEncodings");
                }
            }

            Path duckdbFile = scratch.resolve("tpch.duckdb");
            Map<String, Long> duckdbSizes = new LinkedHashMap<>();
            double duckdbLoad;
            long duckdbTotal;
            try (Database database = Database.open(basaltDirectory);
                    Session session = database.newSession();
                    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile)) {
                duckdbLoad = loadDuckDb(session, duckdb, scratch);
                execute(duckdb, "CHECKPOINT");
                for (String table : basaltSizes.keySet()) {
                    duckdbSizes.put(table, duckDbTableSize(duckdb, table));
                }
            }
            duckdbTotal = Files.size(duckdbFile) + sizeIfExists(Path.of(duckdbFile + ".wal"));

            print("");
            print(String.format(Locale.ROOT, "%-10s %14s %14s %14s %10s", "table", "basalt bytes", legacy ? "before bytes" : "", "duckdb bytes", "basalt/duckdb"));
            for (Map.Entry<String, Long> entry : basaltSizes.entrySet()) {
                long duck = duckdbSizes.getOrDefault(entry.getKey(), -1L);
                Long before = legacySizes.get(entry.getKey());
                print(String.format(Locale.ROOT, "%-10s %14d %14s %14s %10s", entry.getKey(), entry.getValue(), before == null ? "" : before.toString(),
                        duck < 0 ? "?" : Long.toString(duck), duck <= 0 ? "" : String.format(Locale.ROOT, "%.2f", (double) entry.getValue() / duck)));
            }
            print(String.format(Locale.ROOT, "%-10s %14d %14s %14d %10.2f", "TOTAL", basaltTotal, legacyTotal < 0 ? "" : Long.toString(legacyTotal),
                    duckdbTotal, (double) basaltTotal / duckdbTotal));
            print("(basalt: whole database directory; duckdb: database file after CHECKPOINT, per table = its blocks x block size)");
            if (legacyTotal > 0) {
                print(String.format(Locale.ROOT, "new encodings vs before: %.3f of the bytes", (double) basaltTotal / legacyTotal));
            }
            print("");
            print(String.format(Locale.ROOT, "load: basalt CALL dbgen %.0f ms%s; duckdb COPY FROM csv %.0f ms (Basalt's COPY TO not counted)",
                    basaltLoad, legacyLoad < 0 ? "" : String.format(Locale.ROOT, " (before: %.0f ms)", legacyLoad), duckdbLoad));
            print("");
            scans(basaltDirectory, duckdbFile, sf);
        }
        finally {
            Files.createDirectories(output);
            Files.writeString(output.resolve("storage-sf" + sf + ".txt"), report.toString(), StandardCharsets.UTF_8);
            if (keep) {
                print("kept " + scratch);
            }
            else {
                deleteRecursively(scratch);
            }
        }
    }

    private double loadBasalt(Path directory, String sf)
    {
        long start = System.nanoTime();
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            execute(session, "CALL dbgen(sf => " + sf + ")");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Bytes of each table's directory, by table name, in the order the catalog lists them. */
    private static Map<String, Long> tableSizes(Path directory)
            throws IOException
    {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory)) {
            List<String> names = new ArrayList<>(catalog.listTables());
            names.sort(Comparator.naturalOrder());
            for (String name : names) {
                Optional<Table> table = catalog.getTable(name);
                if (table.isPresent() && table.get() instanceof StorageTable storage) {
                    sizes.put(name, directorySize(directory.resolve("tables").resolve(Long.toString(storage.id()))));
                }
            }
        }
        return sizes;
    }

    private double loadDuckDb(Session basalt, Connection duckdb, Path scratch)
            throws IOException, SQLException
    {
        double total = 0;
        for (TableSchema table : basalt.listTables()) {
            StringBuilder create = new StringBuilder("CREATE TABLE ").append(table.name()).append('(');
            for (int i = 0; i < table.columnCount(); i++) {
                create.append(i == 0 ? "" : ", ").append(table.column(i).name()).append(' ').append(duckDbType(table.column(i).type().sqlName()));
                if (!table.column(i).nullable()) {
                    create.append(" NOT NULL");
                }
            }
            execute(duckdb, create.append(')').toString());
            Path file = scratch.resolve(table.name() + ".csv");
            execute(basalt, "COPY " + table.name() + " TO '" + file + "' (DELIMITER '|', HEADER true)");
            long start = System.nanoTime();
            execute(duckdb, "COPY " + table.name() + " FROM '" + file + "' (DELIMITER '|', HEADER true)");
            total += (System.nanoTime() - start) / 1e6;
            Files.deleteIfExists(file);
        }
        return total;
    }

    /** CHAR(n) is stored as VARCHAR by DuckDB anyway; other spellings match. */
    private static String duckDbType(String sqlName)
    {
        return sqlName.startsWith("CHAR") || sqlName.startsWith("VARCHAR") ? "VARCHAR" : sqlName;
    }

    /** Bytes of the blocks holding a table (distinct blocks of its segments times the block size); -1 when unknown. */
    private static long duckDbTableSize(Connection duckdb, String table)
    {
        try {
            long blockSize = ((Number) queryOne(duckdb, "SELECT block_size FROM pragma_database_size()")).longValue();
            Number blocks = (Number) queryOne(duckdb, "SELECT count(DISTINCT block_id) FROM pragma_storage_info('" + table + "') WHERE block_id >= 0");
            return blocks.longValue() * blockSize;
        }
        catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    private void scans(Path basaltDirectory, Path duckdbFile, String sf)
            throws SQLException
    {
        long maxKey;
        try (Database database = Database.open(basaltDirectory); Session session = database.newSession()) {
            maxKey = ((Number) fetch(session, "SELECT max(l_orderkey) FROM lineitem").getFirst().getFirst()).longValue();
            long low = maxKey / 2;
            long high = low + Math.max(1, maxKey / 200);
            String range = " BETWEEN " + low + " AND " + high;
            String pruned = "SELECT count(*), sum(l_extendedprice) FROM lineitem WHERE l_orderkey" + range;
            // l_orderkey + 0 is an expression, so no predicate reaches storage: every row group is read.
            String full = "SELECT count(*), sum(l_extendedprice) FROM lineitem WHERE l_orderkey + 0" + range;
            print("selective scan: l_orderkey" + range + " (~0.5% of lineitem), best of " + RUNS + " runs");
            try {
                // Shows whether the BETWEEN reached the scan as a storage predicate.
                for (List<Object> line : fetch(session, "EXPLAIN " + pruned)) {
                    String text = String.valueOf(line.getFirst());
                    for (String part : text.split("\n")) {
                        if (part.toLowerCase(Locale.ROOT).contains("lineitem")) {
                            print("  plan: " + part.strip());
                        }
                    }
                }
            }
            catch (RuntimeException e) {
                print("  plan: EXPLAIN failed (" + e.getMessage() + ")");
            }
            List<Object> expected = fetch(session, full).getFirst();
            double fullMs = time(session, full, expected);
            double zoneMs = time(session, pruned, expected);
            print(String.format(Locale.ROOT, "  basalt full scan (no pushed predicate) %8.1f ms", fullMs));
            print(String.format(Locale.ROOT, "  basalt with zone maps                  %8.1f ms  (%.1fx faster)", zoneMs, fullMs / zoneMs));
            try {
                execute(session, "CREATE INDEX lineitem_orderkey_slice ON lineitem(l_orderkey) WHERE l_orderkey" + range);
                double indexMs = time(session, pruned, expected);
                print(String.format(Locale.ROOT, "  basalt with partial index              %8.1f ms  (%.1fx faster than full)", indexMs, fullMs / indexMs));
            }
            catch (RuntimeException e) {
                print("  partial index: skipped (" + e.getMessage() + ")");
            }
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile)) {
                double duckMs = Double.MAX_VALUE;
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    queryOne(duckdb, pruned);
                    duckMs = Math.min(duckMs, (System.nanoTime() - start) / 1e6);
                }
                print(String.format(Locale.ROOT, "  duckdb (same query)                    %8.1f ms", duckMs));
            }
            print("  result: " + expected);
        }
    }

    private static double time(Session session, String sql, List<Object> expected)
    {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            List<List<Object>> rows = fetch(session, sql);
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
            if (!rows.getFirst().equals(expected)) {
                throw new IllegalStateException("wrong result " + rows + " for " + sql + ", expected " + expected);
            }
        }
        return best;
    }

    private static List<List<Object>> fetch(Session session, String sql)
    {
        try (QueryResult result = session.execute(sql)) {
            return result.fetchAll();
        }
    }

    private static void execute(Session session, String sql)
    {
        try (QueryResult result = session.execute(sql)) {
            if (result.isQuery()) {
                ColumnBatch batch;
                while ((batch = result.nextBatch()) != null) {
                    batch.close();
                }
            }
        }
    }

    private static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Object queryOne(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getObject(1);
        }
    }

    private static long directorySize(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static long sizeIfExists(Path file)
            throws IOException
    {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static void deleteRecursively(Path directory)
            throws IOException
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void print(String line)
    {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
