package dev.basalt.storage;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.basalt.storage.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** BLOB columns persist byte for byte: random bytes incl. 0x00/0xFF, empty values, NULLs, repeated values. */
class BlobStorageTest
        extends AllocatorTest
{
    private static final StorageOptions SMALL = StorageOptions.defaults().withRowGroupSize(100).withWriterLockTimeout(Duration.ZERO);
    private static final List<Column> COLUMNS = List.of(
            new Column("id", DataTypes.INTEGER, false),
            new Column("b", DataTypes.BLOB),
            new Column("few", DataTypes.BLOB));

    @TempDir
    Path directory;

    @Test
    void roundTripAcrossReopen()
    {
        List<List<Object>> rows = rows(1000, new Random(42));
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("blobs", COLUMNS));
            TestTables.insert(table, allocator, rows, 300);
            assertRows(rows, TestTables.readAll(table, allocator));
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.getTable("blobs").orElseThrow();
            assertEquals(DataTypes.BLOB, table.schema().column(1).type());
            assertRows(rows, TestTables.readAll(table, allocator));
        }
    }

    @Test
    void rangePredicatesNeverPruneBlobs()
    {
        List<List<Object>> rows = rows(500, new Random(7));
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("blobs", COLUMNS));
            TestTables.insert(table, allocator, rows, 500);
            // zone maps keep no BLOB bounds: a hint on the column must keep every row group (the engine filters exactly)
            ScanSpec spec = new ScanSpec(List.of(0, 1, 2), List.of(new ColumnPredicate.Range(1, new byte[] {(byte) 0xFF}, true, null, false)));
            assertEquals(rows.size(), TestTables.read(table, spec, allocator).size());
        }
    }

    @Test
    void blobColumnsCannotBeIndexed()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            catalog.createTable(new TableSchema("blobs", COLUMNS));
            BasaltException error = assertThrows(BasaltException.class, () -> catalog.createIndex(
                    new dev.basalt.spi.catalog.IndexDefinition("i", "blobs", List.of("b"), java.util.Optional.empty(), false)));
            assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, error.code());
        }
    }

    private static List<List<Object>> rows(int count, Random random)
    {
        byte[][] few = {new byte[0], {0}, {(byte) 0xFF, 0}, "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] value;
            if (i % 9 == 4) {
                value = null;
            }
            else if (i % 9 == 5) {
                value = new byte[0];
            }
            else {
                value = new byte[random.nextInt(i % 50 == 0 ? 3000 : 40)];
                random.nextBytes(value);
                if (value.length > 1) {
                    value[0] = 0;
                    value[value.length - 1] = (byte) 0xFF;
                }
            }
            rows.add(row(i, value, i % 13 == 0 ? null : few[i % few.length]));
        }
        return rows;
    }

    private static void assertRows(List<List<Object>> expected, List<List<Object>> actual)
    {
        List<List<Object>> sorted = new ArrayList<>(actual);
        sorted.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
        assertEquals(expected.size(), sorted.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 1; c < 3; c++) {
                byte[] want = (byte[]) expected.get(i).get(c);
                Object got = sorted.get(i).get(c);
                if (want == null) {
                    assertNull(got, "row " + i + " column " + c);
                }
                else {
                    assertArrayEquals(want, (byte[]) got, "row " + i + " column " + c + ": " + Arrays.toString(want));
                }
            }
        }
    }
}
