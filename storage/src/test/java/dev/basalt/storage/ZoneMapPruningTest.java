package dev.basalt.storage;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.codec.TestValues;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.basalt.storage.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zone maps skip row groups, and never one that holds a matching row. */
class ZoneMapPruningTest
{
    private static final List<DataType> TYPES = List.of(DataTypes.INTEGER, DataTypes.VARCHAR, DataTypes.DOUBLE, DataTypes.DATE,
            DecimalType.of(10, 2), DataTypes.BIGINT, DataTypes.REAL, DataTypes.TIMESTAMP, DataTypes.BOOLEAN, DecimalType.of(38, 10));

    record Scenario(List<List<Object>> rows, int rowGroupSize, int commits, List<ColumnPredicate> predicates) {}

    @Provide
    Arbitrary<Scenario> scenarios()
    {
        Arbitrary<List<Object>> row = Combinators.combine(TYPES.stream().map(type -> values(type).injectNull(0.1)).toList())
                .as(values -> new ArrayList<>(values));
        return Combinators.combine(row.list().ofMinSize(0).ofMaxSize(150), Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(1, 4), Arbitraries.longs())
                .as((rows, size, commits, seed) -> new Scenario(rows, size, commits, predicates(rows, seed)));
    }

    private static Arbitrary<Object> values(DataType type)
    {
        return switch (type.sqlName()) {
            case "INTEGER" -> Arbitraries.integers().between(-50, 50).map(v -> v);
            case "VARCHAR" -> Arbitraries.oneOf(Arbitraries.strings().withChars("abcé\uFF5E").ofMaxLength(3),
                    Arbitraries.of("\uD83D\uDE00", "b".repeat(70), "b".repeat(69) + "c")).map(v -> v);
            case "DATE" -> Arbitraries.longs().between(0, 60).map(v -> LocalDate.ofEpochDay(v));
            case "DECIMAL(10,2)" -> Arbitraries.longs().between(-500, 500).map(v -> BigDecimal.valueOf(v, 2));
            case "BIGINT" -> Arbitraries.of(Long.MIN_VALUE, -1L, 0L, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE).map(v -> v);
            case "DOUBLE" -> Arbitraries.oneOf(Arbitraries.doubles().between(-5, 5), Arbitraries.of(Double.NaN, -0.0, 0.0)).map(v -> v);
            default -> TestValues.values(type);
        };
    }

    /** Predicates with bounds taken from the data (so they hit edges) or random. */
    private static List<ColumnPredicate> predicates(List<List<Object>> rows, long seed)
    {
        java.util.Random random = new java.util.Random(seed);
        List<ColumnPredicate> predicates = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            int column = random.nextInt(TYPES.size());
            int kind = random.nextInt(14);
            if (kind >= 10) {
                predicates.add(kind < 12 ? inPredicate(rows, column, random) : startsWith(rows, column, random));
            }
            else if (kind == 0) {
                predicates.add(new ColumnPredicate.IsNull(column));
            }
            else if (kind == 1) {
                predicates.add(new ColumnPredicate.IsNotNull(column));
            }
            else {
                Object low = random.nextInt(4) == 0 || rows.isEmpty() ? null : rows.get(random.nextInt(rows.size())).get(column);
                Object high = random.nextInt(4) == 0 || rows.isEmpty() ? null : rows.get(random.nextInt(rows.size())).get(column);
                if (random.nextInt(3) == 0) {
                    high = low;
                }
                predicates.add(new ColumnPredicate.Range(column, low, random.nextBoolean(), high, random.nextBoolean()));
            }
        }
        return predicates;
    }

    /** IN with values from the data (some rows match) plus a random miss. */
    private static ColumnPredicate inPredicate(List<List<Object>> rows, int column, java.util.Random random)
    {
        List<Object> values = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count && !rows.isEmpty(); i++) {
            Object value = rows.get(random.nextInt(rows.size())).get(column);
            if (value != null) {
                values.add(value);
            }
        }
        if (values.isEmpty() || random.nextBoolean()) {
            values.add(TYPES.get(column) == DataTypes.VARCHAR ? "zz" : TYPES.get(column) == DataTypes.INTEGER ? (Object) 7 : null);
            values.removeIf(java.util.Objects::isNull);
        }
        return new ColumnPredicate.In(column, values);
    }

    /** LIKE 'prefix%' on the VARCHAR column: prefixes of stored strings (possibly whole or empty) or random ones. */
    private static ColumnPredicate startsWith(List<List<Object>> rows, int column, java.util.Random random)
    {
        int varchar = TYPES.indexOf(DataTypes.VARCHAR);
        Object value = rows.isEmpty() ? null : rows.get(random.nextInt(rows.size())).get(varchar);
        String prefix;
        if (value instanceof String string && random.nextInt(4) != 0) {
            int[] codePoints = string.codePoints().toArray();
            prefix = new String(codePoints, 0, random.nextInt(codePoints.length + 1));
        }
        else {
            prefix = List.of("", "a", "b", "c", "é", "zz", "\uFF5E", "\uD83D\uDE00", "b".repeat(66)).get(random.nextInt(9));
        }
        return new ColumnPredicate.StartsWith(random.nextInt(5) == 0 ? column : varchar, prefix);
    }

    @Property(tries = 200)
    void neverSkipsAMatchingRow(@ForAll("scenarios") Scenario scenario)
    {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", DataTypes.BIGINT));
        for (int i = 0; i < TYPES.size(); i++) {
            columns.add(new Column("c" + i, TYPES.get(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < scenario.rows().size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add((long) i);
            row.addAll(scenario.rows().get(i));
            rows.add(row);
        }
        // Predicates are on the data columns; shift ordinals past the id column.
        List<ColumnPredicate> predicates = new ArrayList<>();
        for (ColumnPredicate predicate : scenario.predicates()) {
            predicates.add(switch (predicate) {
                case ColumnPredicate.IsNull p -> new ColumnPredicate.IsNull(p.column() + 1);
                case ColumnPredicate.IsNotNull p -> new ColumnPredicate.IsNotNull(p.column() + 1);
                case ColumnPredicate.Range p -> new ColumnPredicate.Range(p.column() + 1, p.low(), p.lowInclusive(), p.high(), p.highInclusive());
                case ColumnPredicate.In p -> new ColumnPredicate.In(p.column() + 1, p.values());
                case ColumnPredicate.StartsWith p -> new ColumnPredicate.StartsWith(p.column() + 1, p.prefix());
            });
        }
        try (RootAllocator allocator = new RootAllocator();
                MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(scenario.rowGroupSize()))) {
            Table table = catalog.createTable(new TableSchema("t", columns));
            int perCommit = Math.max(1, (rows.size() + scenario.commits() - 1) / scenario.commits());
            for (int start = 0; start < rows.size(); start += perCommit) {
                TestTables.insert(table, allocator, rows.subList(start, Math.min(rows.size(), start + perCommit)), 7);
            }
            Set<Long> returned = new HashSet<>();
            for (List<Object> row : TestTables.read(table, new ScanSpec(List.of(0), predicates), allocator)) {
                returned.add((Long) row.get(0));
            }
            for (List<Object> row : rows) {
                if (matchesAll(row, predicates)) {
                    assertTrue(returned.contains((Long) row.get(0)), "row " + row + " matches " + predicates + " but was skipped");
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static boolean matchesAll(List<Object> row, List<ColumnPredicate> predicates)
    {
        for (ColumnPredicate predicate : predicates) {
            Object value = row.get(predicate.column());
            boolean matches = switch (predicate) {
                case ColumnPredicate.IsNull p -> value == null;
                case ColumnPredicate.IsNotNull p -> value != null;
                case ColumnPredicate.Range p -> value != null
                        && (p.low() == null || compare(value, p.low()) > 0 || (p.lowInclusive() && compare(value, p.low()) == 0))
                        && (p.high() == null || compare(value, p.high()) < 0 || (p.highInclusive() && compare(value, p.high()) == 0));
                case ColumnPredicate.In p -> value != null && p.values().contains(value);
                case ColumnPredicate.StartsWith p -> value instanceof String s && s.startsWith(p.prefix());
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Reference order, written independently of ValueOrder. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right)
    {
        return switch (left) {
            case String s -> Arrays.compareUnsigned(s.getBytes(StandardCharsets.UTF_8), ((String) right).getBytes(StandardCharsets.UTF_8));
            case Double d -> Double.compare(d == 0.0 ? 0.0 : d, (Double) right == 0.0 ? 0.0 : (Double) right);
            case Float f -> Float.compare(f == 0.0f ? 0.0f : f, (Float) right == 0.0f ? 0.0f : (Float) right);
            default -> ((Comparable) left).compareTo(right);
        };
    }

    @Test
    void skipsRowGroupsOutsideTheRange()
    {
        try (RootAllocator allocator = new RootAllocator();
                MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(1000))) {
            Table created = catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("tag", DataTypes.VARCHAR))));
            List<List<Object>> rows = new ArrayList<>();
            for (long i = 0; i < 10_000; i++) {
                rows.add(row(i, i >= 7000 && i < 7010 ? null : "tag" + (i / 1000)));
            }
            TestTables.insert(created, allocator, rows, 4096);
            StorageTable table = (StorageTable) catalog.getTable("t").orElseThrow();
            assertEquals(10, table.rowGroupCount());

            ScanSpec range = new ScanSpec(List.of(0), List.of(new ColumnPredicate.Range(0, 2500L, true, 3499L, true)));
            List<List<Object>> result = TestTables.read(table, range, allocator);
            assertEquals(2, table.metrics().rowGroupsScanned());
            assertEquals(8, table.metrics().rowGroupsSkipped());
            assertEquals(2000, result.size());
            assertEquals(2000L, result.get(0).get(0));

            table.metrics().reset();
            ScanSpec isNull = new ScanSpec(List.of(0, 1), List.of(new ColumnPredicate.IsNull(1)));
            assertEquals(1000, TestTables.read(table, isNull, allocator).size());
            assertEquals(1, table.metrics().rowGroupsScanned());

            table.metrics().reset();
            ScanSpec string = new ScanSpec(List.of(1), List.of(new ColumnPredicate.Range(1, "tag3", true, "tag3", true)));
            assertEquals(1000, TestTables.read(table, string, allocator).size());
            assertEquals(9, table.metrics().rowGroupsSkipped());

            table.metrics().reset();
            ScanSpec none = new ScanSpec(List.of(0), List.of(new ColumnPredicate.Range(0, 10_000L, true, null, false)));
            assertEquals(0, TestTables.read(table, none, allocator).size());
            assertEquals(0, table.metrics().rowGroupsScanned());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
