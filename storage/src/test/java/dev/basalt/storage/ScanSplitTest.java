package dev.basalt.storage;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.ScanSplit;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.basalt.storage.TransactionTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splits of a scan partition its rows: disjoint, together the whole result, for every kind of scan. */
class ScanSplitTest
        extends AllocatorTest
{
    private static final List<Column> COLUMNS = List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR));
    private static final StorageOptions MEMORY = StorageOptions.memoryDefaults().withRowGroupSize(100);

    @Test
    void splitsPartitionEveryKindOfScan()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 1000));
            catalog.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), false));
            // a second commit: more row groups, the last one partial
            TestTables.insert(table, allocator, rows(1000, 1250));
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 7 == 3);
            try (TableScan scan = table.scan(ScanSpec.allColumns(table.schema()), allocator)) {
                assertTrue(scan.rowGroupsSelected() >= 13, "many row groups");
            }

            ScanSpec all = ScanSpec.allColumns(table.schema());
            List<ScanSpec> specs = List.of(
                    all,
                    new ScanSpec(List.of(1), List.of()),
                    new ScanSpec(List.of(), List.of()),
                    all.withRowIds(),
                    new ScanSpec(List.of(0, 1), List.of(new ColumnPredicate.Range(0, 250L, true, 777L, false))),
                    all.withIndex(new IndexLookup("t_id", List.of(new ColumnPredicate.Range(0, 95L, true, 1105L, false)))),
                    all.withRowIds().withIndex(new IndexLookup("t_id", List.of(new ColumnPredicate.In(0, List.of(3L, 4L, 333L, 555L, 1200L))))));
            for (ScanSpec spec : specs) {
                List<List<Object>> whole = TestTables.read(table, spec, allocator);
                for (int count = 1; count <= 4; count++) {
                    List<List<Object>> union = new ArrayList<>();
                    int nonEmpty = 0;
                    for (int index = 0; index < count; index++) {
                        List<List<Object>> part = TestTables.read(table, spec.withSplit(new ScanSplit(index, count)), allocator);
                        nonEmpty += part.isEmpty() ? 0 : 1;
                        union.addAll(part);
                    }
                    assertEquals(sorted(whole), sorted(union), spec + " split " + count + " ways");
                    if (spec.rowIds()) {
                        Set<Object> ids = new HashSet<>();
                        for (List<Object> row : union) {
                            assertTrue(ids.add(row.getLast()), "row id read by two splits: " + row);
                        }
                    }
                    if (spec == all) {
                        assertEquals(count, nonEmpty, "every split of a full scan reads rows");
                    }
                }
            }
            // a split reads whole row groups by ordinal: split 0 of 13+ starts with the first row group
            List<List<Object>> first = TestTables.read(table, all.withSplit(new ScanSplit(0, 2)), allocator);
            assertEquals(0L, first.getFirst().getFirst());
            assertTrue(first.stream().noneMatch(row -> (Long) row.getFirst() >= 100 && (Long) row.getFirst() < 200));
        }
    }

    @Test
    void invalidSplitsAreRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new ScanSplit(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new ScanSplit(0, 0));
    }

    private static List<List<Object>> sorted(List<List<Object>> rows)
    {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
