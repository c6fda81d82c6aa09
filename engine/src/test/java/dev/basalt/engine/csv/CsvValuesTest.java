package dev.basalt.engine.csv;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field parsing (CSV text -> vectors) and formatting (vectors -> CSV text), per type. */
class CsvValuesTest
{
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close()
    {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void parsesEveryType()
    {
        assertEquals(Arrays.asList(42, -7, null, Integer.MIN_VALUE), parse(DataTypes.INTEGER, "42", " -7 ", "", "-2147483648"));
        assertEquals(List.of(Long.MAX_VALUE, Long.MIN_VALUE), parse(DataTypes.BIGINT, "9223372036854775807", "-9223372036854775808"));
        assertEquals(List.of((short) 12), parse(DataTypes.SMALLINT, "+12"));
        DataType money = DataTypes.parse("DECIMAL(15,2)");
        assertEquals(List.of(new BigDecimal("1.50"), new BigDecimal("-0.01"), new BigDecimal("3.00"), new BigDecimal("0.13"), new BigDecimal("1234.57"), new BigDecimal("0.50")),
                parse(money, "1.5", "-0.005", "3", "0.125", "1.23456789E3", ".5"));
        assertEquals(List.of(new BigDecimal("12345678901234567890.123")), parse(DataTypes.parse("DECIMAL(30,3)"), "12345678901234567890.1234"));
        assertEquals(List.of(0.25, -1e-7, Double.POSITIVE_INFINITY), parse(DataTypes.DOUBLE, "0.25", "-1e-7", "inf"));
        assertEquals(List.of(1.5f), parse(DataTypes.REAL, "1.5"));
        assertEquals(List.of(true, false, true), parse(DataTypes.BOOLEAN, "true", "F", " yes "));
        assertEquals(List.of(LocalDate.of(1998, 9, 2), LocalDate.of(2000, 2, 29), LocalDate.of(1, 1, 1)), parse(DataTypes.DATE, "1998-09-02", "2000-02-29", "0001-01-01"));
        assertEquals(List.of(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 600_000_000), LocalDateTime.of(2020, 1, 2, 0, 0)),
                parse(DataTypes.TIMESTAMP, "2020-01-02 03:04:05.6", "2020-01-02"));
        assertEquals(List.of("  spaced  ", "ünïcødé"), parse(DataTypes.VARCHAR, "  spaced  ", "ünïcødé"));
    }

    @Test
    void rejectsBadValues()
    {
        assertEquals("22P02", failure(DataTypes.INTEGER, "12a").sqlState());
        assertEquals("22003", failure(DataTypes.INTEGER, "3000000000").sqlState());
        assertEquals("22003", failure(DataTypes.SMALLINT, "40000").sqlState());
        assertEquals("22P02", failure(DataTypes.BIGINT, "1.0").sqlState());
        assertEquals("22003", failure(DataTypes.parse("DECIMAL(4,2)"), "123.45").sqlState());
        assertEquals("22P02", failure(DataTypes.parse("DECIMAL(15,2)"), "1.2.3").sqlState());
        assertEquals("22P02", failure(DataTypes.DOUBLE, "1d").sqlState());
        assertEquals("22008", failure(DataTypes.DATE, "2023-02-29").sqlState());
        assertEquals("22P02", failure(DataTypes.DATE, "2023/02/28").sqlState());
        assertEquals("22P02", failure(DataTypes.BOOLEAN, "maybe").sqlState());
        BasaltException e = failure(DataTypes.INTEGER, "oops");
        assertTrue(e.getMessage().contains("'mem.csv', line 2, column 1 \"v\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"oops\""), e.getMessage());
    }

    @Test
    void formatsLikeDuckDb()
    {
        assertEquals("1.50\n-0.05\n0.00\n-123.40\n\n", format(DataTypes.parse("DECIMAL(15,2)"),
                new BigDecimal("1.5"), new BigDecimal("-0.05"), BigDecimal.ZERO, new BigDecimal("-123.4"), null));
        assertEquals("12345678901234567890.123\n", format(DataTypes.parse("DECIMAL(30,3)"), new BigDecimal("12345678901234567890.123")));
        assertEquals("7\n", format(DataTypes.parse("DECIMAL(5,0)"), new BigDecimal("7")));
        assertEquals("1998-09-02\n0001-01-01\n", format(DataTypes.DATE, LocalDate.of(1998, 9, 2), LocalDate.of(1, 1, 1)));
        assertEquals("2020-01-02 03:04:05.6\n2020-01-02 00:00:00\n", format(DataTypes.TIMESTAMP,
                LocalDateTime.of(2020, 1, 2, 3, 4, 5, 600_000_000), LocalDateTime.of(2020, 1, 2, 0, 0)));
        assertEquals("0.25\n25.575154611454693\n1e+20\n1e-05\n10000000.0\nnan\n-inf\n", format(DataTypes.DOUBLE,
                0.25, 25.575154611454693, 1e20, 1e-5, 1e7, Double.NaN, Double.NEGATIVE_INFINITY));
        assertEquals("true\nfalse\n", format(DataTypes.BOOLEAN, true, false));
        assertEquals("-9223372036854775808\n", format(DataTypes.BIGINT, Long.MIN_VALUE));
        assertEquals("plain\n\"\"\n\"a,b\"\n\"q\"\"\"\n\n", format(DataTypes.VARCHAR, "plain", "", "a,b", "q\"", null));
    }

    @Test
    void writesOnlyLiveRowsOfASelection()
    {
        List<Column> columns = List.of(new Column("x", DataTypes.INTEGER));
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, columns)) {
            builder.appendRow(1).appendRow(2).appendRow(3);
            try (ColumnBatch batch = builder.build().withSelection(new SelectionVector(new int[] {0, 2}, 2))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (CsvWriter writer = new CsvWriter(out, "out.csv", CsvOptions.DEFAULT, columns)) {
                    writer.writeHeader();
                    assertEquals(2, writer.write(batch));
                }
                assertEquals("x\n1\n3\n", out.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private List<Object> parse(DataType type, String... fields)
    {
        TableSchema schema = new TableSchema("t", List.of(new Column("v", type)));
        StringBuilder csv = new StringBuilder("v\n");
        for (String field : fields) {
            csv.append(field).append('\n');
        }
        CsvOptions options = new CsvOptions((byte) '|', (byte) '"', (byte) '"', true, "");
        CollectingWriter writer = new CollectingWriter(type);
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "mem.csv", options);
                CsvLoader loader = new CsvLoader(schema, List.of(0), "mem.csv", options, allocator)) {
            assertEquals(fields.length, loader.load(reader, writer));
        }
        return writer.values;
    }

    private BasaltException failure(DataType type, String field)
    {
        return assertThrows(BasaltException.class, () -> parse(type, field));
    }

    private String format(DataType type, Object... values)
    {
        List<Column> columns = List.of(new Column("v", type));
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, columns)) {
            for (Object value : values) {
                builder.appendRow(value);
            }
            try (ColumnBatch batch = builder.build()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (CsvWriter writer = new CsvWriter(out, "out.csv", CsvOptions.DEFAULT, columns)) {
                    writer.write(batch);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static final class CollectingWriter implements TableWriter
    {
        private final DataType type;
        private final List<Object> values = new ArrayList<>();

        CollectingWriter(DataType type)
        {
            this.type = type;
        }

        @Override
        public void append(ColumnBatch batch)
        {
            for (int row = 0; row < batch.rowCount(); row++) {
                values.add(Values.read(batch.column(0), type, batch.position(row)));
            }
        }

        @Override
        public void delete(long[] rowIds, int count)
        {
            throw new UnsupportedOperationException("CSV loading never deletes");
        }

        @Override
        public long commit()
        {
            return values.size();
        }

        @Override
        public void close() {}
    }
}
