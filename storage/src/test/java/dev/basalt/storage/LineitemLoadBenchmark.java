package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Loads and scans a TPC-H-lineitem-shaped table of 6M rows (SF1), printing timings. Opt-in:
 * {@code bin/mvn -o -pl storage test -Dtest=LineitemLoadBenchmark -Dbasalt.test.excludedGroups=none}.
 */
@Tag("slow")
class LineitemLoadBenchmark
{
    private static final int ROWS = Integer.getInteger("basalt.bench.rows", 6_001_215);

    @TempDir
    Path directory;

    @Test
    void loadAndScan() throws Exception
    {
        DecimalType money = DecimalType.of(15, 2);
        List<Column> columns = List.of(
                new Column("l_orderkey", DataTypes.BIGINT), new Column("l_partkey", DataTypes.BIGINT), new Column("l_suppkey", DataTypes.BIGINT),
                new Column("l_linenumber", DataTypes.INTEGER), new Column("l_quantity", money), new Column("l_extendedprice", money),
                new Column("l_discount", money), new Column("l_tax", money), new Column("l_returnflag", VarcharType.character(1)),
                new Column("l_linestatus", VarcharType.character(1)), new Column("l_shipdate", DataTypes.DATE), new Column("l_commitdate", DataTypes.DATE),
                new Column("l_receiptdate", DataTypes.DATE), new Column("l_shipinstruct", VarcharType.character(25)),
                new Column("l_shipmode", VarcharType.character(10)), new Column("l_comment", VarcharType.varchar(44)));
        String[] flags = {"A", "N", "R"};
        String[] statuses = {"F", "O"};
        String[] instructs = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
        String[] modes = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
        String[] words = {"furiously", "sly", "careful", "blithe", "quick", "fluffy", "slow", "quiet", "ruthless", "thin", "close", "dogged",
                "daring", "brave", "stealthy", "permanent", "enticing", "idle", "busy", "regular", "final", "ironic", "even", "bold", "silent",
                "foxes", "ideas", "theodolites", "pinto", "beans", "instructions", "dependencies", "excuses", "platelets", "asymptotes"};
        int startDate = (int) LocalDate.of(1992, 1, 1).toEpochDay();

        try (RootAllocator allocator = new RootAllocator();
                DirectoryCatalog catalog = DirectoryCatalog.open(directory, StorageOptions.defaults()
                        .withFsync(!Boolean.getBoolean("basalt.bench.nofsync")).withCompression(!Boolean.getBoolean("basalt.bench.nozstd")))) {
            Table table = catalog.createTable(new TableSchema("lineitem", columns));
            SplittableRandom random = new SplittableRandom(7);
            long generate = 0;
            long append = 0;
            long begin = System.nanoTime();
            try (TableWriter writer = table.newWriter(allocator)) {
                int batch = ColumnBatch.DEFAULT_ROW_COUNT;
                for (int start = 0; start < ROWS; start += batch) {
                    long t0 = System.nanoTime();
                    int count = Math.min(batch, ROWS - start);
                    List<FieldVector> vectors = new ArrayList<>();
                    for (Column column : columns) {
                        FieldVector vector = (FieldVector) column.type().toField(column.name(), true).createVector(allocator);
                        vector.setInitialCapacity(count);
                        vector.allocateNew();
                        vectors.add(vector);
                    }
                    StringBuilder comment = new StringBuilder();
                    for (int i = 0; i < count; i++) {
                        long row = start + i;
                        long order = row / 4 * 32 / 8 + 1;
                        ((BigIntVector) vectors.get(0)).set(i, order);
                        ((BigIntVector) vectors.get(1)).set(i, 1 + random.nextInt(200_000));
                        ((BigIntVector) vectors.get(2)).set(i, 1 + random.nextInt(10_000));
                        ((IntVector) vectors.get(3)).set(i, (int) (row % 7) + 1);
                        int quantity = 1 + random.nextInt(50);
                        ((BigIntVector) vectors.get(4)).set(i, quantity * 100L);
                        ((BigIntVector) vectors.get(5)).set(i, quantity * (90_000L + random.nextInt(10_000_000)) / 100);
                        ((BigIntVector) vectors.get(6)).set(i, random.nextInt(11));
                        ((BigIntVector) vectors.get(7)).set(i, random.nextInt(9));
                        ((VarCharVector) vectors.get(8)).setSafe(i, flags[random.nextInt(3)].getBytes(StandardCharsets.UTF_8));
                        ((VarCharVector) vectors.get(9)).setSafe(i, statuses[random.nextInt(2)].getBytes(StandardCharsets.UTF_8));
                        int ship = startDate + random.nextInt(2500);
                        ((DateDayVector) vectors.get(10)).set(i, ship);
                        ((DateDayVector) vectors.get(11)).set(i, ship + random.nextInt(60) - 30);
                        ((DateDayVector) vectors.get(12)).set(i, ship + 1 + random.nextInt(30));
                        ((VarCharVector) vectors.get(13)).setSafe(i, instructs[random.nextInt(4)].getBytes(StandardCharsets.UTF_8));
                        ((VarCharVector) vectors.get(14)).setSafe(i, modes[random.nextInt(7)].getBytes(StandardCharsets.UTF_8));
                        comment.setLength(0);
                        int wordCount = 2 + random.nextInt(5);
                        for (int w = 0; w < wordCount; w++) {
                            comment.append(words[random.nextInt(words.length)]).append(w + 1 < wordCount ? " " : "");
                        }
                        ((VarCharVector) vectors.get(15)).setSafe(i, comment.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    for (FieldVector vector : vectors) {
                        vector.setValueCount(count);
                    }
                    long t1 = System.nanoTime();
                    try (ColumnBatch columnBatch = ColumnBatch.of(vectors, count)) {
                        writer.append(columnBatch);
                    }
                    append += System.nanoTime() - t1;
                    generate += t1 - t0;
                }
                long t2 = System.nanoTime();
                assertEquals(ROWS, writer.commit());
                append += System.nanoTime() - t2;
            }
            long bytes;
            try (Stream<Path> files = Files.walk(directory)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("BENCH rows=%d generate=%.2fs append+encode+write+commit=%.2fs stored=%.1f MB (%.2f bytes/row) total=%.2fs%n",
                    ROWS, generate / 1e9, append / 1e9, bytes / 1e6, (double) bytes / ROWS, (System.nanoTime() - begin) / 1e9);

            for (int column = 0; column < columns.size(); column++) {
                scan(table, new ScanSpec(List.of(column), List.of()), allocator, columns.get(column).name());
            }
            for (int round = 0; round < 3; round++) {
                scan(table, ScanSpec.allColumns(table.schema()), allocator, "all 16 columns");
                scan(table, new ScanSpec(List.of(4, 5, 6, 7, 8, 9, 10), List.of()), allocator, "Q1 columns");
                scan(table, new ScanSpec(List.of(4, 5, 6, 10), List.of(new ColumnPredicate.Range(0, 1_000_000L, true, 1_200_000L, true))), allocator, "orderkey range");
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static void scan(Table table, ScanSpec spec, RootAllocator allocator, String label)
    {
        long start = System.nanoTime();
        long rows = 0;
        try (CloseableIterator<ColumnBatch> scan = table.scan(spec, allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    rows += batch.rowCount();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH scan %-15s rows=%d %.3fs (%.0f Mrows/s)%n", label, rows, seconds, rows / seconds / 1e6);
    }
}
