package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.zonemap.ValueOrder;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random values with many duplicates and edge cases, batches, and the brute-force SQL semantics lookups must match. */
final class IndexTestData
{
    static final List<DataType> KEY_TYPES = List.of(DataTypes.BOOLEAN, DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT,
            DataTypes.REAL, DataTypes.DOUBLE, DecimalType.of(15, 2), DecimalType.of(38, 10), DataTypes.VARCHAR, DataTypes.DATE,
            DataTypes.TIMESTAMP, DataTypes.NULL);

    private static final String[] STRINGS = {"", "a", "ab", "abc", "b", "ba", "é", "éa", "\uD83D\uDE00", "\uFFFD", "\uE000", "zz",
            "a\u0000", "MAIL", "TRUCK"};

    private IndexTestData() {}

    /** A random non-null value of the type (null for the NULL type), drawn from a small domain plus extremes. */
    static Object value(DataType type, Random random)
    {
        boolean extreme = random.nextInt(12) == 0;
        return switch (type.sqlName()) {
            case "BOOLEAN" -> random.nextBoolean();
            case "SMALLINT" -> extreme ? (random.nextBoolean() ? Short.MIN_VALUE : Short.MAX_VALUE) : (short) (random.nextInt(21) - 10);
            case "INTEGER" -> extreme ? (random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : random.nextInt(41) - 20;
            case "BIGINT" -> extreme ? pick(random, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 60, -(1L << 58)) : (long) (random.nextInt(41) - 20);
            case "REAL" -> extreme || random.nextInt(3) == 0
                    ? pick(random, Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE, 1.5f)
                    : (float) (random.nextInt(21) - 10) / 4;
            case "DOUBLE" -> extreme || random.nextInt(3) == 0
                    ? pick(random, Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1)
                    : (double) (random.nextInt(21) - 10) / 4;
            case "DECIMAL(15,2)" -> BigDecimal.valueOf(extreme ? (random.nextBoolean() ? 1 : -1) * 999_999_999_999_999L : random.nextInt(41) - 20, 2);
            case "DECIMAL(38,10)" -> new BigDecimal(extreme
                    ? new BigInteger("99999999999999999999999999999999999999").multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1))
                    : BigInteger.valueOf(random.nextInt(41) - 20).shiftLeft(random.nextBoolean() ? 70 : 0), 10);
            case "VARCHAR" -> STRINGS[random.nextInt(STRINGS.length)];
            case "DATE" -> LocalDate.ofEpochDay(extreme ? pick(random, -200_000L, 200_000L) : random.nextInt(41) - 20);
            case "TIMESTAMP" -> Values.microsToTimestamp(extreme ? pick(random, -10_000_000_000_000_000L, 10_000_000_000_000_000L) : random.nextInt(41) - 20);
            case "NULL" -> null;
            default -> throw new IllegalArgumentException(type.sqlName());
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values)
    {
        return values[random.nextInt(values.length)];
    }

    /** SQL truth of a key predicate on a value (with PostgreSQL's float order), decided by the zone maps' ValueOrder. */
    static boolean matches(DataType type, Object value, ColumnPredicate predicate)
    {
        return switch (predicate) {
            case ColumnPredicate.IsNull p -> value == null;
            case ColumnPredicate.IsNotNull p -> value != null;
            case ColumnPredicate.Range p -> value != null
                    && (p.low() == null || atLeast(type, value, p.low(), p.lowInclusive()))
                    && (p.high() == null || atLeast(type, p.high(), value, p.highInclusive()));
            case ColumnPredicate.In p -> value != null && p.values().stream().anyMatch(v -> compare(type, value, v) == 0);
            case ColumnPredicate.StartsWith p -> value != null && ((String) value).startsWith(p.prefix());
        };
    }

    private static boolean atLeast(DataType type, Object left, Object right, boolean inclusive)
    {
        int order = compare(type, left, right);
        return inclusive ? order >= 0 : order > 0;
    }

    static int compare(DataType type, Object left, Object right)
    {
        int order = ValueOrder.compare(type, left, right);
        if (order == ValueOrder.INCOMPARABLE) {
            throw new IllegalStateException("test values must be comparable: " + left + " vs " + right);
        }
        return order;
    }

    /** Equal keys (no NULL component) in SQL terms. */
    static boolean sameKey(List<DataType> types, Object[] left, Object[] right)
    {
        for (int k = 0; k < types.size(); k++) {
            if (left[k] == null || right[k] == null || compare(types.get(k), left[k], right[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Builds a batch of the rows; when {@code live} is given, only those rows are live (a selection). */
    static ColumnBatch batch(BufferAllocator allocator, List<Column> columns, List<Object[]> rows, boolean[] live)
    {
        ColumnBatch batch;
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, columns)) {
            for (Object[] row : rows) {
                builder.appendRow(row);
            }
            batch = builder.build();
        }
        if (live == null) {
            return batch;
        }
        SelectionVector selection = new SelectionVector(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (live[i]) {
                selection.add(i);
            }
        }
        return batch.withSelection(selection);
    }

    /** A stand-in for a compiled index predicate: rows whose BOOLEAN column {@code column} is TRUE. */
    static RowFilter booleanFilter(int column)
    {
        return (batch, positions) -> {
            BitVector vector = (BitVector) batch.column(column);
            int count = 0;
            for (int i = 0; i < batch.rowCount(); i++) {
                int position = batch.position(i);
                if (!vector.isNull(position) && vector.get(position) == 1) {
                    positions[count++] = position;
                }
            }
            return count;
        };
    }

    static List<Object> column(List<Object[]> rows, int column)
    {
        List<Object> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            values.add(row[column]);
        }
        return values;
    }
}
