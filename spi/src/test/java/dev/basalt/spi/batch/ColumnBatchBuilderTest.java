package dev.basalt.spi.batch;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.NullVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnBatchBuilderTest
{
    private static final List<Column> COLUMNS = List.of(
            new Column("b", DataTypes.BOOLEAN),
            new Column("s", DataTypes.SMALLINT),
            new Column("i", DataTypes.INTEGER),
            new Column("l", DataTypes.BIGINT),
            new Column("r", DataTypes.REAL),
            new Column("d", DataTypes.DOUBLE),
            new Column("m", DecimalType.of(15, 2)),
            new Column("w", DecimalType.of(30, 5)),
            new Column("v", DataTypes.VARCHAR),
            new Column("dt", DataTypes.DATE),
            new Column("ts", DataTypes.TIMESTAMP),
            new Column("iv", DataTypes.INTERVAL),
            new Column("n", DataTypes.NULL));

    private BufferAllocator allocator;

    @BeforeEach
    void setUp()
    {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown()
    {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    @Test
    void allocationFailureMidwayFreesTheVectorsAlreadyAllocated()
    {
        // room for some columns' first buffers but not all of them
        try (BufferAllocator limited = allocator.newChildAllocator("limited", 0, 40_000)) {
            assertThrows(org.apache.arrow.memory.OutOfMemoryException.class, () -> new ColumnBatchBuilder(limited, COLUMNS));
            assertEquals(0, limited.getAllocatedMemory());
        }
    }

    private static List<Object> row(int i)
    {
        return Arrays.asList(i % 2 == 0, (short) i, i, (long) i * 1_000_000_000L, i / 2.0f, i / 4.0,
                BigDecimal.valueOf(i, 2), BigDecimal.valueOf(-i, 5), "row " + i, LocalDate.of(1960, 1, 1).plusDays(i),
                LocalDateTime.of(1969, 12, 31, 23, 0).plusNanos(i * 1000L), new Interval(i, -i, i), null);
    }

    @Test
    void buildsEveryTypeWithNulls()
    {
        List<List<Object>> expected = new ArrayList<>();
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, COLUMNS)) {
            for (int i = 0; i < 5000; i++) {
                List<Object> row = i % 7 == 3 ? Arrays.asList(new Object[COLUMNS.size()]) : row(i);
                expected.add(row);
                builder.appendRow(row);
            }
            assertEquals(5000, builder.rowCount());
            try (ColumnBatch batch = builder.build()) {
                assertEquals(5000, batch.rowCount());
                assertEquals(COLUMNS.size(), batch.columnCount());
                assertFalse(batch.hasSelection());
                for (int column = 0; column < COLUMNS.size(); column++) {
                    DataType type = COLUMNS.get(column).type();
                    assertEquals(COLUMNS.get(column).name(), batch.column(column).getName());
                    assertEquals(type, DataType.fromField(batch.column(column).getField()));
                    assertEquals(5000, batch.column(column).getValueCount());
                    for (int row = 0; row < 5000; row++) {
                        assertEquals(expected.get(row).get(column), Values.read(batch.column(column), type, row), COLUMNS.get(column).name() + " row " + row);
                    }
                }
                assertInstanceOf(NullVector.class, batch.column(COLUMNS.size() - 1));
            }
        }
    }

    @Test
    void buildWithoutRows()
    {
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, COLUMNS);
                ColumnBatch batch = builder.build()) {
            assertEquals(0, batch.rowCount());
            assertEquals(COLUMNS.size(), batch.columnCount());
        }
    }

    @Test
    void closeWithoutBuildReleasesTheVectors()
    {
        ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, COLUMNS);
        builder.appendRow(row(1));
        assertTrue(allocator.getAllocatedMemory() > 0);
        builder.close();
        assertEquals(0, allocator.getAllocatedMemory());
        builder.close();
    }

    @Test
    void closeAfterBuildLeavesTheBatchIntact()
    {
        ColumnBatch batch;
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, List.of(new Column("x", DataTypes.INTEGER)))) {
            builder.appendRow(42).appendRow((Object) null);
            batch = builder.build();
            assertThrows(IllegalStateException.class, builder::build);
        }
        try (batch) {
            assertEquals(2, batch.rowCount());
            assertEquals(42, Values.read(batch.column(0), DataTypes.INTEGER, 0));
            assertEquals(null, Values.read(batch.column(0), DataTypes.INTEGER, 1));
        }
    }

    @Test
    void rejectsWrongArity()
    {
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, List.of(new Column("x", DataTypes.INTEGER), new Column("y", DataTypes.VARCHAR)))) {
            assertThrows(IllegalArgumentException.class, () -> builder.appendRow(1));
            assertThrows(IllegalArgumentException.class, () -> builder.appendRow(1, "a", 2));
            assertThrows(IllegalArgumentException.class, () -> builder.appendRow(List.of(1)));
            assertEquals(0, builder.rowCount());
            builder.appendRow(List.of(1, "a"));
            assertEquals(1, builder.rowCount());
        }
    }

    @Test
    void badValueLeavesTheBuilderClosable()
    {
        ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, List.of(new Column("x", DataTypes.INTEGER), new Column("m", DecimalType.of(3, 0))));
        builder.appendRow(1, BigDecimal.ONE);
        BasaltException e = assertThrows(BasaltException.class, () -> builder.appendRow(2, new BigDecimal("1000")));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
        assertEquals(1, builder.rowCount());
        builder.close();
        assertEquals(0, allocator.getAllocatedMemory());
    }
}
