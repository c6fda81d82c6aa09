package dev.basalt.engine;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Index predicates compiled for storage: TRUE rows only (not FALSE, not NULL), live rows only, no memory kept. */
class EngineRowFilterCompilerTest
{
    private static final List<Column> COLUMNS = List.of(new Column("a", DataTypes.INTEGER, true), new Column("b", DataTypes.VARCHAR, true));
    private static final TableSchema SCHEMA = new TableSchema("t", COLUMNS);

    @Test
    void selectsRowsWherePredicateIsTrue()
    {
        try (RootAllocator allocator = new RootAllocator()) {
            EngineRowFilterCompiler compiler = new EngineRowFilterCompiler(allocator);
            RowFilter filter = compiler.compile(SCHEMA, "a > 1 AND b <> 'skip'");
            try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, COLUMNS)) {
                builder.appendRow(1, "x").appendRow(2, "y").appendRow(null, "z").appendRow(3, null).appendRow(4, "skip").appendRow(5, "w");
                try (ColumnBatch batch = builder.build()) {
                    int[] positions = new int[batch.physicalRowCount()];
                    int count = filter.select(batch, positions);
                    assertArrayEquals(new int[] {1, 5}, Arrays.copyOf(positions, count));

                    // only live rows of a selection are considered
                    ColumnBatch selected = ColumnBatch.of(batch.columns(), batch.physicalRowCount(), new SelectionVector(new int[] {0, 2, 5}, 3));
                    count = filter.select(selected, positions);
                    assertArrayEquals(new int[] {5}, Arrays.copyOf(positions, count));
                }
            }
            assertEquals(0, allocator.getAllocatedMemory(), "evaluation memory is released after every batch");
        }
    }

    @Test
    void rejectsBadPredicates()
    {
        try (RootAllocator allocator = new RootAllocator()) {
            EngineRowFilterCompiler compiler = new EngineRowFilterCompiler(allocator);
            assertEquals(ErrorCode.UNDEFINED_COLUMN, assertThrows(BasaltException.class, () -> compiler.compile(SCHEMA, "nope > 1")).code());
            assertEquals(ErrorCode.SYNTAX_ERROR, assertThrows(BasaltException.class, () -> compiler.compile(SCHEMA, "a >")).code());
            assertEquals(ErrorCode.DATATYPE_MISMATCH, assertThrows(BasaltException.class, () -> compiler.compile(SCHEMA, "DATE '2020-01-01'")).code());
        }
    }
}
