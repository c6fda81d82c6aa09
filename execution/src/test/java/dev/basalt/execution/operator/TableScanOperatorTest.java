package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.execution.testing.TestingTable;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan hands the whole spec (row ids, index lookup) to storage and returns the row-id column last. */
class TableScanOperatorTest
{
    @Test
    void passesRowIdsAndIndexLookup()
    {
        List<Column> columns = List.of(new Column("a", DataTypes.BIGINT), new Column("b", DataTypes.VARCHAR));
        TestingTable table = new TestingTable(new TableSchema("t", columns),
                List.of(new Object[] {10L, "x"}, new Object[] {20L, "y"}, new Object[] {30L, "z"}), 2, true);
        TestingCatalog catalog = new TestingCatalog().add("t", table);
        IndexLookup lookup = new IndexLookup("t_a", List.of(new ColumnPredicate.Range(0, 10L, true, 10L, true)));
        TableScan scan = new TableScan("t", List.of(1), List.of(), List.of(columns.get(1), new Column("$rowid", DataTypes.BIGINT, false)), 3,
                true, Optional.of(lookup));
        assertEquals(List.of(Arrays.asList("x", 0L), Arrays.asList("y", 1L), Arrays.asList("z", 2L)), QueryRunner.run(scan, catalog));
        assertTrue(table.lastSpec().rowIds());
        assertEquals(Optional.of(lookup), table.lastSpec().index());
        assertEquals(List.of(1), table.lastSpec().columns());
    }
}
