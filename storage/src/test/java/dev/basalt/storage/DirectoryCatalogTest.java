package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Interval;
import dev.basalt.storage.format.ChunkHeader;
import dev.basalt.storage.format.RowGroupFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.basalt.storage.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryCatalogTest
        extends AllocatorTest
{
    private static final StorageOptions SMALL = StorageOptions.defaults().withRowGroupSize(100).withWriterLockTimeout(Duration.ZERO);

    @TempDir
    Path directory;

    private static final List<Column> ALL_TYPES = List.of(
            new Column("b", DataTypes.BOOLEAN),
            new Column("s", DataTypes.SMALLINT),
            new Column("i", DataTypes.INTEGER, false),
            new Column("l", DataTypes.BIGINT),
            new Column("r", DataTypes.REAL),
            new Column("d", DataTypes.DOUBLE),
            new Column("dec", DecimalType.of(15, 2)),
            new Column("wide", DecimalType.of(38, 6)),
            new Column("v", DataTypes.VARCHAR),
            new Column("c", VarcharType.character(4)),
            new Column("dt", DataTypes.DATE),
            new Column("ts", DataTypes.TIMESTAMP),
            new Column("iv", DataTypes.INTERVAL),
            new Column("n", DataTypes.NULL));

    private static List<List<Object>> allTypeRows(int count)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean nulls = i % 7 == 3;
            rows.add(row(
                    nulls ? null : i % 2 == 0,
                    nulls ? null : (short) (i % 300 - 150),
                    i,
                    nulls ? null : (long) i * 1_000_003L - 5_000_000_000L,
                    nulls ? null : i / 4.0f,
                    nulls ? null : i % 5 == 0 ? Double.NaN : i * 0.1,
                    nulls ? null : BigDecimal.valueOf(i * 137L - 9000, 2),
                    nulls ? null : new BigDecimal("12345678901234567890123456789012." + String.format("%06d", i)),
                    nulls ? null : "value " + i + (i % 11 == 0 ? " \uD83D\uDE00 ünïcødé" : ""),
                    nulls ? null : new String[] {"AIR", "MAIL", "SHIP"}[i % 3],
                    nulls ? null : LocalDate.of(1992, 1, 1).plusDays(i),
                    nulls ? null : LocalDateTime.of(2001, 2, 3, 4, 5, 6).plusSeconds(i * 3601L).plusNanos(i * 1000L),
                    nulls ? null : new Interval(i % 13, i % 40 - 20, i * 1_000_001L),
                    null));
        }
        return rows;
    }

    @Test
    void everyTypeRoundTripsAndSurvivesReopen()
    {
        List<List<Object>> rows = allTypeRows(1234);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("everything", ALL_TYPES));
            assertEquals(rows.size(), TestTables.insert(table, allocator, rows, 333));
            assertEquals(rows, TestTables.readAll(table, allocator));
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.getTable("everything").orElseThrow();
            assertEquals(new TableSchema("everything", ALL_TYPES), table.schema());
            assertEquals(rows, TestTables.readAll(table, allocator));
            assertEquals(13, ((StorageTable) table).rowGroupCount());
            // Columns in any order, repeated, or none at all.
            List<List<Object>> projected = TestTables.read(table, new ScanSpec(List.of(8, 2, 8), List.of()), allocator);
            assertEquals(row(rows.get(11).get(8), 11, rows.get(11).get(8)), projected.get(11));
            List<List<Object>> noColumns = TestTables.read(table, new ScanSpec(List.of(), List.of()), allocator);
            assertEquals(rows.size(), noColumns.size());
            // Every file's footer describes the same chunks as the manifest.
            StorageTable stored = (StorageTable) table;
            for (dev.basalt.storage.manifest.RowGroupEntry rowGroup : catalog.entry(stored.id(), "everything").rowGroups()) {
                byte[] file = Files.readAllBytes(directory.resolve("tables/" + stored.id() + "/rg-" + rowGroup.fileId() + ".bsc"));
                RowGroupFile.Footer footer = RowGroupFile.readFooter(file, file.length);
                assertEquals(rowGroup.rowCount(), footer.rowCount());
                for (int column = 0; column < ALL_TYPES.size(); column++) {
                    assertEquals(rowGroup.chunks().get(column).offset(), footer.offsets()[column]);
                    assertEquals(rowGroup.chunks().get(column).length(), footer.lengths()[column]);
                }
            }
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void statisticsComeFromZoneMaps()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", ALL_TYPES));
            List<List<Object>> rows = allTypeRows(500);
            TestTables.insert(table, allocator, rows);
            TableStatistics statistics = table.statistics();
            assertEquals(500, statistics.rowCount());
            TableStatistics.ColumnStatistics ints = statistics.columns().get(2);
            assertEquals(0, ints.min());
            assertEquals(499, ints.max());
            assertEquals(0, ints.nullCount());
            TableStatistics.ColumnStatistics dates = statistics.columns().get(10);
            assertEquals(LocalDate.of(1992, 1, 1), dates.min());
            assertEquals(LocalDate.of(1992, 1, 1).plusDays(499), dates.max());
            assertEquals(rows.stream().filter(r -> r.get(10) == null).count(), dates.nullCount());
            assertEquals("AIR", statistics.columns().get(9).min());
            assertEquals("SHIP", statistics.columns().get(9).max());
            assertEquals(BigDecimal.valueOf(-9000, 2), statistics.columns().get(6).min());
            assertEquals(Double.NaN, statistics.columns().get(5).max());
            assertNull(statistics.columns().get(13).min());
            assertEquals(500, statistics.columns().get(13).nullCount());
        }
    }

    @Test
    void appendCopiesOnlySelectedRows()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER), new Column("s", DataTypes.VARCHAR))));
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                rows.add(row(i, "s" + i));
            }
            SelectionVector selection = new SelectionVector(250);
            List<List<Object>> expected = new ArrayList<>();
            for (int i = 0; i < 250; i += 3) {
                selection.add(i);
                expected.add(rows.get(i));
            }
            try (TableWriter writer = table.newWriter(allocator);
                    ColumnBatch batch = TestTables.batch(allocator, table.schema().columns(), rows)) {
                ColumnBatch selected = batch.withSelection(selection);
                writer.append(selected);
                assertEquals(expected.size(), writer.commit());
            }
            assertEquals(expected, TestTables.readAll(table, allocator));
        }
    }

    @Test
    void uncommittedWriterLeavesNothing() throws IOException
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
            TestTables.insert(table, allocator, List.of(row(1), row(2)));
            List<Path> before = files();
            try (TableWriter writer = table.newWriter(allocator)) {
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    rows.add(row(i));
                }
                try (ColumnBatch batch = TestTables.batch(allocator, table.schema().columns(), rows)) {
                    writer.append(batch);
                }
                // Full row groups are already on disk, but invisible.
                assertTrue(files().size() > before.size());
                assertEquals(List.of(row(1), row(2)), TestTables.readAll(table, allocator));
            }
            assertEquals(before, files());
            assertEquals(List.of(row(1), row(2)), TestTables.readAll(table, allocator));
        }
    }

    private List<Path> files() throws IOException
    {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void crashLeftoversAreRemovedOnOpen() throws IOException
    {
        List<List<Object>> rows = List.of(row(1, "a"), row(2, "b"));
        long tableId;
        long version;
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER), new Column("s", DataTypes.VARCHAR))));
            TestTables.insert(table, allocator, rows);
            tableId = table.id();
            version = catalog.version();
        }
        // What a crash in the middle of the next commit leaves: a written row group, a half-written manifest,
        // a half-written pointer, plus a table directory that was never committed.
        Path orphanRowGroup = directory.resolve("tables/" + tableId + "/rg-999.bsc");
        Files.write(orphanRowGroup, new byte[] {1, 2, 3});
        Path halfManifest = directory.resolve("manifest-" + (version + 1) + ".bin");
        Files.write(halfManifest, "BSMF half".getBytes(StandardCharsets.UTF_8));
        Path halfPointer = directory.resolve("MANIFEST.tmp");
        Files.write(halfPointer, new byte[] {7});
        Path orphanTable = directory.resolve("tables/77");
        Files.createDirectories(orphanTable);
        Files.write(orphanTable.resolve("rg-1.bsc"), new byte[] {4});
        Path foreign = directory.resolve("tables/" + tableId + "/notes.txt");
        Files.writeString(foreign, "not ours");

        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            assertEquals(version, catalog.version());
            assertEquals(rows, TestTables.readAll(catalog.getTable("t").orElseThrow(), allocator));
        }
        assertFalse(Files.exists(orphanRowGroup));
        assertFalse(Files.exists(halfManifest));
        assertFalse(Files.exists(halfPointer));
        assertFalse(Files.exists(orphanTable));
        assertTrue(Files.exists(foreign), "files Basalt did not create are left alone");
    }

    @Test
    void crashBeforeThePointerMovesKeepsTheLastCommit() throws IOException
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
            TestTables.insert(table, allocator, List.of(row(1)));
        }
        Path image = Files.createTempDirectory("basalt-image");
        copyTree(directory, image);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            // Merges the 1-row tail into a new file, retires the old one, then adds a table.
            TestTables.insert(catalog.getTable("t").orElseThrow(), allocator, List.of(row(2)));
            catalog.createTable(new TableSchema("u", List.of(new Column("y", DataTypes.INTEGER))));
        }
        // A crash just before the final rename leaves everything the old state had (nothing is deleted
        // before the pointer moves) plus every new file, with the old pointer.
        copyTree(image, directory);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            assertEquals(List.of("t"), catalog.listTables());
            assertEquals(List.of(row(1)), TestTables.readAll(catalog.getTable("t").orElseThrow(), allocator));
        }
        List<String> left = new ArrayList<>();
        for (Path file : files()) {
            if (!file.getFileName().toString().equals("LOCK")) {
                left.add(directory.relativize(file).toString());
            }
        }
        List<String> original = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(image)) {
            walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("LOCK")).sorted().forEach(file -> original.add(image.relativize(file).toString()));
        }
        assertEquals(original, left, "recovery removed exactly the files of the lost commit");
    }

    private static void copyTree(Path from, Path to) throws IOException
    {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else if (!source.getFileName().toString().equals("LOCK")) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void corruptedChunkNamesFileAndTable() throws IOException
    {
        Path file;
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("orders", List.of(new Column("x", DataTypes.BIGINT), new Column("s", DataTypes.VARCHAR))));
            List<List<Object>> rows = new ArrayList<>();
            for (long i = 0; i < 50; i++) {
                rows.add(row(i * 31, "comment " + i));
            }
            TestTables.insert(table, allocator, rows);
            try (Stream<Path> list = Files.list(directory.resolve("tables/" + table.id()))) {
                file = list.findFirst().orElseThrow();
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // Flip one byte inside the first chunk's stored payload.
        bytes[RowGroupFile.HEADER_SIZE + ChunkHeader.SIZE + 2] ^= 0x40;
        Files.write(file, bytes);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.getTable("orders").orElseThrow();
            BasaltException error = assertThrows(BasaltException.class, () -> TestTables.readAll(table, allocator));
            assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
            assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
            assertTrue(error.getMessage().contains("\"orders\""), error.getMessage());
            assertTrue(error.getMessage().contains("checksum"), error.getMessage());
            // The other column's chunk is intact and still readable on its own.
            assertEquals(50, TestTables.read(table, new ScanSpec(List.of(1), List.of()), allocator).size());
        }
        // A truncated file is corruption too.
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.getTable("orders").orElseThrow();
            BasaltException error = assertThrows(BasaltException.class, () -> TestTables.read(table, new ScanSpec(List.of(1), List.of()), allocator));
            assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
            assertTrue(error.getMessage().contains("truncated"), error.getMessage());
            assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        }
    }

    @Test
    void corruptedManifestIsReported() throws IOException
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
        }
        Path manifest;
        try (Stream<Path> list = Files.list(directory)) {
            manifest = list.filter(p -> p.getFileName().toString().startsWith("manifest-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        BasaltException error = assertThrows(BasaltException.class, () -> DirectoryCatalog.open(directory, SMALL));
        assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
        assertTrue(error.getMessage().contains(manifest.toString()), error.getMessage());
        // The failed open released the lock: after repair the database opens again.
        Files.write(manifest, bytes);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            assertEquals(List.of("t"), catalog.listTables());
        }
    }

    @Test
    void refusesDirectoriesThatAreNotDatabases() throws IOException
    {
        Files.writeString(directory.resolve("thesis.txt"), "precious");
        BasaltException error = assertThrows(BasaltException.class, () -> DirectoryCatalog.open(directory));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, error.code());
        assertTrue(Files.exists(directory.resolve("thesis.txt")));
    }

    @Test
    void secondCatalogInProcessIsRefused()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            BasaltException error = assertThrows(BasaltException.class, () -> DirectoryCatalog.open(directory, SMALL));
            assertEquals(ErrorCode.OBJECT_IN_USE, error.code());
            assertTrue(error.getMessage().contains(directory.toString()), error.getMessage());
        }
        DirectoryCatalog.open(directory, SMALL).close();
    }

    @Test
    void secondProcessGetsObjectInUse() throws Exception
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
            assertEquals("ERROR OBJECT_IN_USE database directory " + directory.toAbsolutePath() + " is in use by another process", probe());
        }
        assertEquals("OPENED [t]", probe());
    }

    private String probe() throws Exception
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().filter(line -> line.startsWith("OPENED") || line.startsWith("ERROR")).findFirst().orElse(output);
    }

    @Test
    void scansSeeTheSnapshotOfTheirStart()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
            List<List<Object>> first = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                first.add(row(i));
            }
            TestTables.insert(table, allocator, first);
            List<List<Object>> seen = new ArrayList<>();
            try (CloseableIterator<ColumnBatch> scan = table.scan(ScanSpec.allColumns(table.schema()), allocator)) {
                // This commit merges the 30-row tail group into a new file and retires the old one.
                TestTables.insert(table, allocator, List.of(row(100)));
                catalog.createTable(new TableSchema("other", List.of(new Column("y", DataTypes.INTEGER))));
                while (scan.hasNext()) {
                    try (ColumnBatch batch = scan.next()) {
                        for (int i = 0; i < batch.rowCount(); i++) {
                            seen.add(row(((org.apache.arrow.vector.IntVector) batch.column(0)).get(i)));
                        }
                    }
                }
            }
            assertEquals(first, seen);
            assertEquals(31, TestTables.readAll(table, allocator).size());
        }
    }

    @Test
    void oneWriterPerDatabase()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
            Table other = catalog.createTable(new TableSchema("u", List.of(new Column("x", DataTypes.INTEGER))));
            try (TableWriter writer = table.newWriter(allocator)) {
                BasaltException error = assertThrows(BasaltException.class, () -> table.newWriter(allocator));
                assertEquals(ErrorCode.OBJECT_IN_USE, error.code());
                assertTrue(error.getMessage().contains("another transaction"), error.getMessage());
                assertEquals(ErrorCode.OBJECT_IN_USE, assertThrows(BasaltException.class, () -> other.newWriter(allocator)).code());
                writer.commit();
            }
            table.newWriter(allocator).close();
            other.newWriter(allocator).close();
        }
    }

    @Test
    void smallCommitsAreMergedIntoFewRowGroups()
    {
        // Without fsync: 300 durable commits would take seconds of disk flushes and prove nothing more.
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, StorageOptions.defaults().withRowGroupSize(1000).withFsync(false))) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER), new Column("s", DataTypes.VARCHAR))));
            List<List<Object>> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                List<Object> row = row(i, i % 10 == 0 ? null : "r" + i);
                expected.add(row);
                TestTables.insert(table, allocator, List.of(row));
                assertTrue(table.rowGroupCount() <= 2 + 2 * (32 - Integer.numberOfLeadingZeros(i + 1)), "row groups after " + (i + 1) + " inserts: " + table.rowGroupCount());
            }
            assertEquals(expected, TestTables.readAll(table, allocator));
            try (Stream<Path> files = Files.list(directory.resolve("tables/" + table.id()))) {
                assertEquals(table.rowGroupCount(), files.count(), "replaced row groups are deleted");
            }
            catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void catalogChangesAreDurableAndChecked()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("a", List.of(new Column("x", DataTypes.INTEGER))));
            TestTables.insert(table, allocator, List.of(row(1)));
            catalog.createTable(new TableSchema("b", List.of(new Column("x", DataTypes.INTEGER))));
            assertEquals(ErrorCode.DUPLICATE_TABLE, assertThrows(BasaltException.class,
                    () -> catalog.createTable(new TableSchema("a", List.of(new Column("y", DataTypes.INTEGER))))).code());
            assertEquals(ErrorCode.DUPLICATE_COLUMN, assertThrows(BasaltException.class,
                    () -> catalog.createTable(new TableSchema("c", List.of(new Column("y", DataTypes.INTEGER), new Column("y", DataTypes.INTEGER))))).code());
            catalog.dropTable("a");
            assertEquals(ErrorCode.UNDEFINED_TABLE, assertThrows(BasaltException.class, () -> catalog.dropTable("a")).code());
            assertEquals(ErrorCode.UNDEFINED_TABLE, assertThrows(BasaltException.class, () -> table.statistics()).code());
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            assertEquals(List.of("b"), catalog.listTables());
            Table recreated = catalog.createTable(new TableSchema("a", List.of(new Column("z", DataTypes.VARCHAR))));
            assertEquals(List.of(), TestTables.readAll(recreated, allocator));
        }
        assertFalse(Files.exists(directory.resolve("tables/1")), "dropped table's files are gone");
    }

    @Test
    void writerRejectsBadBatches()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL)) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER, false))));
            try (TableWriter writer = table.newWriter(allocator)) {
                try (ColumnBatch nulls = TestTables.batch(allocator, List.of(new Column("x", DataTypes.INTEGER)), List.of(row(1), row((Object) null)))) {
                    assertEquals(ErrorCode.NOT_NULL_VIOLATION, assertThrows(BasaltException.class, () -> writer.append(nulls)).code());
                }
                try (ColumnBatch wrongType = TestTables.batch(allocator, List.of(new Column("x", DataTypes.BIGINT)), List.of(row(1L)))) {
                    assertEquals(ErrorCode.DATATYPE_MISMATCH, assertThrows(BasaltException.class, () -> writer.append(wrongType)).code());
                }
                try (ColumnBatch wrongWidth = TestTables.batch(allocator, List.of(new Column("x", DataTypes.INTEGER), new Column("y", DataTypes.INTEGER)), List.of(row(1, 2)))) {
                    assertEquals(ErrorCode.DATATYPE_MISMATCH, assertThrows(BasaltException.class, () -> writer.append(wrongWidth)).code());
                }
                assertEquals(0, writer.commit());
            }
        }
    }

    @Test
    void bigLoadIsCompressed() throws IOException
    {
        List<Column> columns = List.of(new Column("key", DataTypes.BIGINT), new Column("price", DecimalType.of(15, 2)),
                new Column("mode", DataTypes.VARCHAR), new Column("day", DataTypes.DATE), new Column("comment", DataTypes.VARCHAR));
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory)) {
            Table table = catalog.createTable(new TableSchema("lineitem", columns));
            java.util.Random random = new java.util.Random(42);
            String[] modes = {"AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB", "REG AIR"};
            String[] words = {"carefully", "final", "deposits", "sleep", "quickly", "ironic", "packages", "haggle"};
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 200_000; i++) {
                rows.add(row((long) i / 4, BigDecimal.valueOf(90_000 + random.nextInt(10_000_000), 2), modes[random.nextInt(modes.length)],
                        LocalDate.of(1992, 1, 1).plusDays(random.nextInt(2500)), words[random.nextInt(8)] + " " + words[random.nextInt(8)] + " " + words[random.nextInt(8)]));
            }
            TestTables.insert(table, allocator, rows, 4096);
            assertEquals(rows, TestTables.readAll(table, allocator));
            long bytes;
            try (Stream<Path> files = Files.walk(directory.resolve("tables"))) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            // Raw Arrow data is about 8 + 8 + 4 + 4 + ~25 bytes per row plus offsets.
            assertTrue(bytes < rows.size() * 12L, "stored " + bytes + " bytes for " + rows.size() + " rows");
        }
    }

    @Test
    void closedCatalogRefusesWork()
    {
        DirectoryCatalog catalog = DirectoryCatalog.open(directory, SMALL);
        Table table = catalog.createTable(new TableSchema("t", List.of(new Column("x", DataTypes.INTEGER))));
        catalog.close();
        assertEquals(ErrorCode.CONNECTION_FAILURE, assertThrows(BasaltException.class, () -> table.scan(ScanSpec.allColumns(table.schema()), allocator)).code());
        assertEquals(ErrorCode.CONNECTION_FAILURE, assertThrows(BasaltException.class, () -> table.newWriter(allocator)).code());
    }
}
