package dev.basalt.storage.zonemap;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.DirectoryCatalog;
import dev.basalt.storage.StorageOptions;
import dev.basalt.storage.TestTables;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table statistics carry distinct counts merged from the chunks' sketches, and they survive a reopen. */
class DistinctStatisticsTest
{
    @TempDir
    Path directory;

    @Test
    void distinctCountsAreMergedAcrossRowGroupsAndPersisted()
    {
        TableSchema schema = new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("mode", DataTypes.VARCHAR),
                new Column("none", DataTypes.INTEGER)));
        StorageOptions options = StorageOptions.defaults().withRowGroupSize(1000).withFsync(false);
        try (RootAllocator allocator = new RootAllocator()) {
            try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
                Table table = catalog.createTable(schema);
                List<List<Object>> rows = new ArrayList<>();
                for (long i = 0; i < 20_000; i++) {
                    rows.add(TestTables.row(i, "mode" + (i % 7), null));
                }
                TestTables.insert(table, allocator, rows, 4096);
                check(catalog.getTable("t").orElseThrow().statistics());
            }
            try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
                check(catalog.getTable("t").orElseThrow().statistics());
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static void check(TableStatistics statistics)
    {
        assertEquals(20_000, statistics.rowCount());
        long ids = statistics.columns().get(0).distinctCount();
        // 64 registers: about 13% standard error; 20 row groups of distinct ids merge into one estimate.
        assertTrue(ids > 12_000 && ids < 28_000, "ids " + ids);
        assertEquals(7, statistics.columns().get(1).distinctCount());
        assertEquals(0, statistics.columns().get(2).distinctCount());
    }
}
