package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Rough, JMH-free numbers (not a test): a selective equality lookup in one full row group (122,880 rows) through
 * the index versus scanning the row group's already decoded key column, in thread CPU time. Run the main method
 * from the test classpath.
 */
public final class IndexLookupMeasurement
{
    private static final int ROWS = 122_880;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private IndexLookupMeasurement() {}

    /** Thread CPU time: the machine is shared, so wall time mostly measures the other processes. */
    private static long cpu()
    {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static void main(String[] args)
    {
        Random random = new Random(42);
        TableSchema schema = new TableSchema("t", List.of(new Column("k", DataTypes.BIGINT), new Column("s", DataTypes.VARCHAR)));
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {(long) random.nextInt(1_000_000), String.format("Customer#%09d", random.nextInt(1_000_000))});
        }
        IndexDefinition longIndex = new IndexDefinition("ix_k", "t", List.of("k"), Optional.empty(), false);
        IndexDefinition stringIndex = new IndexDefinition("ix_s", "t", List.of("s"), Optional.empty(), false);
        try (RootAllocator allocator = new RootAllocator();
                ColumnBatch batch = IndexTestData.batch(allocator, schema.columns(), rows, null)) {
            byte[] longData = null;
            byte[] stringData = null;
            long buildNanos = Long.MAX_VALUE;
            long stringBuildNanos = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long start = cpu();
                longData = RowGroupIndexBuilder.build(longIndex, schema, null, List.of(batch));
                buildNanos = Math.min(buildNanos, cpu() - start);
                start = cpu();
                stringData = RowGroupIndexBuilder.build(stringIndex, schema, null, List.of(batch));
                stringBuildNanos = Math.min(stringBuildNanos, cpu() - start);
            }
            System.out.printf("build: BIGINT %.1f ms, %d bytes (%.2f bytes/row); VARCHAR(18) %.1f ms, %d bytes (%.2f bytes/row)%n",
                    buildNanos / 1e6, longData.length, (double) longData.length / ROWS,
                    stringBuildNanos / 1e6, stringData.length, (double) stringData.length / ROWS);

            RowGroupIndex index = null;
            for (int round = 0; round < 20; round++) {
                index = RowGroupIndex.open(longIndex, schema, longData, "f");
            }
            long start = cpu();
            for (int round = 0; round < 100; round++) {
                index = RowGroupIndex.open(longIndex, schema, longData, "f");
            }
            long openNanos = (cpu() - start) / 100;
            RowGroupIndex stringIndexData = RowGroupIndex.open(stringIndex, schema, stringData, "f");
            System.out.printf("open (CRC32C + structure checks): %.1f us%n", openNanos / 1e3);

            BigIntVector keys = (BigIntVector) batch.column(0);
            long[] decoded = new long[ROWS];
            for (int i = 0; i < ROWS; i++) {
                decoded[i] = keys.get(i);
            }
            VarCharVector strings = (VarCharVector) batch.column(1);
            int[] positions = new int[ROWS];
            long[] probes = new long[1000];
            String[] stringProbes = new String[1000];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = (Long) rows.get(random.nextInt(ROWS))[0];
                stringProbes[i] = (String) rows.get(random.nextInt(ROWS))[1];
            }
            long sink = 0;
            for (int round = 0; round < 6; round++) {
                start = cpu();
                for (long probe : probes) {
                    sink += index.lookup(List.of(new ColumnPredicate.Range(0, probe, true, probe, true)), positions);
                }
                long indexNanos = (cpu() - start) / probes.length;
                start = cpu();
                for (int p = 0; p < 100; p++) {
                    long probe = probes[p];
                    int count = 0;
                    for (int i = 0; i < ROWS; i++) {
                        if (decoded[i] == probe) {
                            positions[count++] = i;
                        }
                    }
                    sink += count;
                }
                long scanNanos = (cpu() - start) / 100;
                start = cpu();
                for (String probe : stringProbes) {
                    sink += stringIndexData.lookup(List.of(new ColumnPredicate.Range(1, probe, true, probe, true)), positions);
                }
                long stringIndexNanos = (cpu() - start) / stringProbes.length;
                start = cpu();
                for (int p = 0; p < 20; p++) {
                    byte[] probe = stringProbes[p].getBytes(StandardCharsets.UTF_8);
                    int count = 0;
                    for (int i = 0; i < ROWS; i++) {
                        if (Arrays.equals(strings.get(i), probe)) {
                            positions[count++] = i;
                        }
                    }
                    sink += count;
                }
                long stringScanNanos = (cpu() - start) / 20;
                System.out.printf("round %d: BIGINT = v  index %.2f us vs scan of decoded long[] %.1f us (%.0fx); VARCHAR = v  index %.2f us vs scan of VarCharVector %.1f us (%.0fx)%n",
                        round, indexNanos / 1e3, scanNanos / 1e3, (double) scanNanos / indexNanos,
                        stringIndexNanos / 1e3, stringScanNanos / 1e3, (double) stringScanNanos / stringIndexNanos);
            }
            System.out.println("(checksum " + sink + ")");
        }
    }
}
