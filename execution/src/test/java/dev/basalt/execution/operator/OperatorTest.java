package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.execution.testing.TestingTable;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.Limit;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.TopN;
import dev.basalt.planner.plan.Values;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OperatorTest
{
    static final DataType BIGINT = DataTypes.BIGINT;
    static final DataType INTEGER = DataTypes.INTEGER;
    static final DataType VARCHAR = DataTypes.VARCHAR;

    static TableScan table(TestingCatalog catalog, String name, List<Column> columns, List<Object[]> rows, int batchSize, boolean junk)
    {
        catalog.add(name, new TestingTable(new TableSchema(name, columns), rows, batchSize, junk));
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ordinals.add(i);
        }
        return new TableScan(name, ordinals, List.of(), columns, rows.size());
    }

    static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }

    static List<Object[]> rows(Object[]... rows)
    {
        return new ArrayList<>(Arrays.asList(rows));
    }

    @Test
    void scanPassesColumnsAndPredicates()
    {
        TestingCatalog catalog = new TestingCatalog();
        List<Column> columns = List.of(new Column("a", BIGINT), new Column("b", VARCHAR));
        TestingTable table = new TestingTable(new TableSchema("t", columns), rows(new Object[] {1L, "x"}, new Object[] {2L, "y"}), 1, true);
        catalog.add("t", table);
        List<ColumnPredicate> predicates = List.of(new ColumnPredicate.Range(0, 1L, true, null, false));
        TableScan scan = new TableScan("t", List.of(1, 0), predicates, List.of(columns.get(1), columns.get(0)), 2);
        assertEquals(List.of(row("x", 1L), row("y", 2L)), QueryRunner.run(scan, catalog));
        assertEquals(List.of(1, 0), table.lastSpec().columns());
        assertEquals(predicates, table.lastSpec().predicates());
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(new TableScan("missing", List.of(), List.of(), List.of(), 0), catalog));
        assertEquals(ErrorCode.UNDEFINED_TABLE, e.code());
    }

    @Test
    void valuesEvaluatesEachRowOnce()
    {
        List<Column> columns = List.of(new Column("a", INTEGER), new Column("b", VARCHAR));
        Values values = new Values(columns, List.of(
                List.of(new Call(Function.ADD, List.of(new Constant(1, INTEGER), new Constant(2, INTEGER)), INTEGER), new Constant("x", VARCHAR)),
                List.of(new Constant(null, INTEGER), new Constant(null, VARCHAR))));
        assertEquals(List.of(row(3, "x"), row(null, null)), QueryRunner.run(values, new TestingCatalog()));
        assertEquals(List.of(row()), QueryRunner.run(new Values(List.of(), List.of(List.of())), new TestingCatalog()));
    }

    @Test
    void filterProjectLimit()
    {
        for (boolean junk : new boolean[] {false, true}) {
            TestingCatalog catalog = new TestingCatalog();
            List<Object[]> data = new ArrayList<>();
            for (long i = 0; i < 10_000; i++) {
                data.add(new Object[] {i, i % 3 == 0 ? null : "s" + i});
            }
            TableScan scan = table(catalog, "t", List.of(new Column("a", BIGINT), new Column("b", VARCHAR)), data, 1000, junk);
            RowExpression even = new Call(Function.EQUAL, List.of(new Call(Function.MODULO, List.of(new InputReference(0, BIGINT), new Constant(2L, BIGINT)), BIGINT),
                    new Constant(0L, BIGINT)), DataTypes.BOOLEAN);
            Filter filter = new Filter(scan, even, -1);
            Project project = new Project(filter, List.of(new InputReference(1, VARCHAR), new InputReference(0, BIGINT), new InputReference(0, BIGINT),
                    new Call(Function.MULTIPLY, List.of(new InputReference(0, BIGINT), new Constant(10L, BIGINT)), BIGINT)),
                    List.of(new Column("b", VARCHAR), new Column("a", BIGINT), new Column("a2", BIGINT), new Column("ten", BIGINT)));
            List<List<Object>> result = QueryRunner.run(project, catalog);
            assertEquals(5000, result.size());
            assertEquals(row(null, 0L, 0L, 0L), result.get(0));
            assertEquals(row("s2", 2L, 2L, 20L), result.get(1));
            List<List<Object>> limited = QueryRunner.run(new Limit(project, 3, 2498), catalog);
            assertEquals(List.of(row("s4996", 4996L, 4996L, 49960L), row(null, 4998L, 4998L, 49980L), row("s5000", 5000L, 5000L, 50000L)), limited);
            assertEquals(List.of(), QueryRunner.run(new Limit(project, 0, 0), catalog));
            assertEquals(10, QueryRunner.run(new Limit(scan, 10, 0), catalog).size());
            assertEquals(0, QueryRunner.run(new Filter(scan, new Constant(false, DataTypes.BOOLEAN), -1), catalog).size());
            assertEquals(10_000, QueryRunner.run(new Filter(scan, new Constant(true, DataTypes.BOOLEAN), -1), catalog).size());
        }
    }

    @Test
    void sortOnAllTypesAndDirections()
    {
        Random random = new Random(42);
        List<Column> columns = List.of(new Column("i", INTEGER), new Column("s", VARCHAR), new Column("d", DecimalType.of(30, 2)),
                new Column("x", DataTypes.DOUBLE), new Column("dt", DataTypes.DATE), new Column("l", BIGINT));
        List<Object[]> data = new ArrayList<>();
        for (int r = 0; r < 5000; r++) {
            data.add(new Object[] {
                    random.nextInt(10) == 0 ? null : random.nextInt(50) - 25,
                    random.nextInt(10) == 0 ? null : "str" + random.nextInt(100) + (random.nextBoolean() ? "ü" : ""),
                    random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 2).multiply(BigDecimal.valueOf(random.nextInt(1000))).setScale(2),
                    random.nextInt(10) == 0 ? null : random.nextGaussian(),
                    random.nextInt(10) == 0 ? null : LocalDate.of(1990, 1, 1).plusDays(random.nextInt(3000)),
                    random.nextInt(10) == 0 ? null : random.nextLong(),
            });
        }
        for (boolean junk : new boolean[] {false, true}) {
            TestingCatalog catalog = new TestingCatalog();
            TableScan scan = table(catalog, "t", columns, data, 777, junk);
            for (int first = 0; first < columns.size(); first++) {
                for (boolean ascending : new boolean[] {true, false}) {
                    for (boolean nullsFirst : new boolean[] {true, false}) {
                        List<SortKey> keys = List.of(new SortKey(first, ascending, nullsFirst), new SortKey(5, !ascending, !nullsFirst));
                        List<List<Object>> sorted = QueryRunner.run(new Sort(scan, keys), catalog);
                        List<List<Object>> expected = expectedSort(data, keys);
                        assertEquals(expected, sorted, "keys " + keys);
                        List<List<Object>> top = QueryRunner.run(new TopN(scan, keys, 7), catalog);
                        assertEquals(expected.subList(0, 7), top, "topN " + keys);
                    }
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<List<Object>> expectedSort(List<Object[]> data, List<SortKey> keys)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : data) {
            rows.add(Arrays.asList(row));
        }
        Comparator<List<Object>> comparator = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<List<Object>> byKey = (a, b) -> {
                Object x = a.get(key.column());
                Object y = b.get(key.column());
                if (x == null || y == null) {
                    if (x == y) {
                        return 0;
                    }
                    return (x == null) == key.nullsFirst() ? -1 : 1;
                }
                int c = x instanceof String s ? compareUtf8(s, (String) y) : ((Comparable) x).compareTo(y);
                return key.ascending() ? c : -c;
            };
            comparator = comparator.thenComparing(byKey);
        }
        rows.sort(comparator);
        return rows;
    }

    static int compareUtf8(String a, String b)
    {
        return Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void groupedAggregationMatchesNaiveComputation()
    {
        Random random = new Random(7);
        DecimalType price = DecimalType.of(15, 2);
        List<Column> columns = List.of(new Column("flag", VARCHAR), new Column("status", VARCHAR), new Column("qty", price),
                new Column("n", INTEGER), new Column("x", DataTypes.DOUBLE), new Column("k", BIGINT));
        List<Object[]> data = new ArrayList<>();
        for (int r = 0; r < 20_000; r++) {
            data.add(new Object[] {
                    random.nextInt(50) == 0 ? null : String.valueOf("ANR".charAt(random.nextInt(3))),
                    String.valueOf("OF".charAt(random.nextInt(2))),
                    random.nextInt(20) == 0 ? null : BigDecimal.valueOf(random.nextInt(5000), 2),
                    random.nextInt(20) == 0 ? null : random.nextInt(100),
                    random.nextInt(20) == 0 ? null : (double) random.nextInt(1000) / 8,
                    (long) random.nextInt(300),
            });
        }
        List<AggregateCall> aggregates = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT),
                new AggregateCall(AggregateFunction.COUNT, List.of(2), false, BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(2), false, DecimalType.of(38, 2)),
                new AggregateCall(AggregateFunction.AVG, List.of(2), false, DataTypes.DOUBLE),
                new AggregateCall(AggregateFunction.SUM, List.of(3), false, BIGINT),
                new AggregateCall(AggregateFunction.MIN, List.of(3), false, INTEGER),
                new AggregateCall(AggregateFunction.MAX, List.of(4), false, DataTypes.DOUBLE),
                new AggregateCall(AggregateFunction.SUM, List.of(4), false, DataTypes.DOUBLE),
                new AggregateCall(AggregateFunction.COUNT, List.of(5), true, BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(5), true, DecimalType.of(38, 0)),
                new AggregateCall(AggregateFunction.MAX, List.of(0), false, VARCHAR));
        List<Column> output = new ArrayList<>(List.of(new Column("flag", VARCHAR), new Column("status", VARCHAR)));
        for (int i = 0; i < aggregates.size(); i++) {
            output.add(new Column("a" + i, aggregates.get(i).type()));
        }
        for (boolean junk : new boolean[] {false, true}) {
            TestingCatalog catalog = new TestingCatalog();
            TableScan scan = table(catalog, "t", columns, data, 1024, junk);
            HashAggregate aggregate = new HashAggregate(scan, List.of(0, 1), aggregates, output, -1);
            Map<List<Object>, List<Object>> actual = new HashMap<>();
            for (List<Object> row : QueryRunner.run(aggregate, catalog)) {
                actual.put(row.subList(0, 2), row.subList(2, row.size()));
            }
            Map<List<Object>, List<Object[]>> groups = new HashMap<>();
            for (Object[] row : data) {
                groups.computeIfAbsent(Arrays.asList(row[0], row[1]), k -> new ArrayList<>()).add(row);
            }
            assertEquals(groups.keySet(), actual.keySet());
            for (Map.Entry<List<Object>, List<Object[]>> group : groups.entrySet()) {
                List<Object[]> members = group.getValue();
                BigDecimal sum = null;
                long count = 0;
                long intSum = 0;
                boolean anyInt = false;
                Integer min = null;
                Double max = null;
                Double doubleSum = null;
                java.util.Set<Long> distinct = new java.util.HashSet<>();
                for (Object[] row : members) {
                    if (row[2] != null) {
                        sum = sum == null ? (BigDecimal) row[2] : sum.add((BigDecimal) row[2]);
                        count++;
                    }
                    if (row[3] != null) {
                        intSum += (Integer) row[3];
                        anyInt = true;
                        min = min == null ? (Integer) row[3] : Math.min(min, (Integer) row[3]);
                    }
                    if (row[4] != null) {
                        max = max == null ? (Double) row[4] : Math.max(max, (Double) row[4]);
                        doubleSum = doubleSum == null ? (Double) row[4] : doubleSum + (Double) row[4];
                    }
                    distinct.add((Long) row[5]);
                }
                List<Object> values = actual.get(group.getKey());
                assertEquals((long) members.size(), values.get(0));
                assertEquals(count, values.get(1));
                assertEquals(sum == null ? null : sum.setScale(2), values.get(2));
                assertEquals(sum == null ? null : sum.doubleValue() / count, (Double) values.get(3), 1e-9);
                assertEquals(anyInt ? intSum : null, values.get(4));
                assertEquals(min, values.get(5));
                assertEquals(max, values.get(6));
                assertEquals(doubleSum, (Double) values.get(7), 1e-6);
                assertEquals((long) distinct.size(), values.get(8));
                assertEquals(new BigDecimal(distinct.stream().mapToLong(Long::longValue).sum()), values.get(9));
                assertEquals(group.getKey().get(0), values.get(10));
            }
        }
    }

    @Test
    void aggregationKeyLayouts()
    {
        // single bigint key with NULLs, composite int+date (packed), bigint+varchar+decimal (multi-word)
        List<Column> columns = List.of(new Column("k", BIGINT), new Column("i", INTEGER), new Column("d", DataTypes.DATE), new Column("s", VARCHAR),
                new Column("w", DecimalType.of(25, 2)), new Column("b", DataTypes.BOOLEAN));
        List<Object[]> data = new ArrayList<>();
        Random random = new Random(3);
        for (int r = 0; r < 9000; r++) {
            data.add(new Object[] {
                    random.nextInt(30) == 0 ? null : (long) random.nextInt(500) * 1_000_000_007L,
                    random.nextInt(30) == 0 ? null : random.nextInt(7),
                    LocalDate.of(2000, 1, 1).plusDays(random.nextInt(5)),
                    random.nextInt(30) == 0 ? null : "v" + random.nextInt(40) + "-a-long-string-suffix".substring(0, random.nextInt(10)),
                    random.nextInt(30) == 0 ? null : BigDecimal.valueOf(random.nextInt(4), 2),
                    random.nextInt(30) == 0 ? null : random.nextBoolean(),
            });
        }
        int[][] keySets = {{0}, {1, 2}, {0, 3, 4}, {3}, {5, 1}, {4}};
        for (int[] keySet : keySets) {
            TestingCatalog catalog = new TestingCatalog();
            TableScan scan = table(catalog, "t", columns, data, 1000, false);
            List<Integer> keys = new ArrayList<>();
            List<Column> output = new ArrayList<>();
            for (int key : keySet) {
                keys.add(key);
                output.add(columns.get(key));
            }
            output.add(new Column("count", BIGINT));
            HashAggregate aggregate = new HashAggregate(scan, keys, List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT)), output, -1);
            Map<List<Object>, Long> expected = new HashMap<>();
            for (Object[] row : data) {
                List<Object> key = new ArrayList<>();
                for (int k : keySet) {
                    key.add(row[k]);
                }
                expected.merge(key, 1L, Long::sum);
            }
            Map<List<Object>, Long> actual = new HashMap<>();
            for (List<Object> row : QueryRunner.run(aggregate, catalog)) {
                Long previous = actual.put(new ArrayList<>(row.subList(0, keySet.length)), (Long) row.get(keySet.length));
                assertEquals(null, previous, "duplicate group " + row);
            }
            assertEquals(expected, actual, Arrays.toString(keySet));
            // DISTINCT (no aggregates)
            assertEquals(expected.size(), QueryRunner.run(new HashAggregate(scan, keys, List.of(), output.subList(0, keySet.length), -1), catalog).size());
        }
    }

    @Test
    void globalAggregation()
    {
        TestingCatalog catalog = new TestingCatalog();
        DecimalType price = DecimalType.of(15, 2);
        List<Object[]> data = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int r = 0; r < 10_000; r++) {
            BigDecimal value = r % 10 == 0 ? null : BigDecimal.valueOf(r * 7L, 2);
            data.add(new Object[] {value, (long) r});
            if (value != null) {
                expected = expected.add(value);
            }
        }
        TableScan scan = table(catalog, "t", List.of(new Column("p", price), new Column("l", BIGINT)), data, 4096, true);
        List<AggregateCall> aggregates = List.of(new AggregateCall(AggregateFunction.SUM, List.of(0), false, DecimalType.of(38, 2)),
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT),
                new AggregateCall(AggregateFunction.MIN, List.of(1), false, BIGINT),
                new AggregateCall(AggregateFunction.MAX, List.of(0), false, price),
                new AggregateCall(AggregateFunction.AVG, List.of(1), false, DataTypes.DOUBLE));
        List<Column> output = List.of(new Column("s", DecimalType.of(38, 2)), new Column("c", BIGINT), new Column("m", BIGINT), new Column("x", price), new Column("a", DataTypes.DOUBLE));
        assertEquals(List.of(row(expected, 10_000L, 0L, new BigDecimal("699.93"), 4999.5)), QueryRunner.run(new HashAggregate(scan, List.of(), aggregates, output, -1), catalog));
        Filter none = new Filter(scan, new Call(Function.LESS_THAN, List.of(new InputReference(1, BIGINT), new Constant(0L, BIGINT)), DataTypes.BOOLEAN), -1);
        assertEquals(List.of(row(null, 0L, null, null, null)), QueryRunner.run(new HashAggregate(none, List.of(), aggregates, output, -1), catalog));
    }

    @Test
    void sumOverflowRaises22003()
    {
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = table(catalog, "t", List.of(new Column("i", INTEGER), new Column("k", INTEGER)), rows(new Object[] {1, 1}), 1, false);
        // SUM(BIGINT) is DECIMAL(38,0) and cannot overflow in practice; a DECIMAL(38,0) input can
        DecimalType wide = DecimalType.of(38, 0);
        BigDecimal max = new BigDecimal("99999999999999999999999999999999999999");
        TableScan wideScan = table(catalog, "w", List.of(new Column("d", wide)), rows(new Object[] {max}, new Object[] {max}), 1, false);
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(new HashAggregate(wideScan, List.of(),
                List.of(new AggregateCall(AggregateFunction.SUM, List.of(0), false, wide)), List.of(new Column("s", wide)), -1), catalog));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
        assertEquals(List.of(row(1L)), QueryRunner.run(new HashAggregate(scan, List.of(), List.of(new AggregateCall(AggregateFunction.SUM, List.of(0), false, BIGINT)),
                List.of(new Column("s", BIGINT)), -1), catalog));
    }

    static PhysicalPlan project(PhysicalPlan source, RowExpression expression, DataType type)
    {
        return new Project(source, List.of(expression), List.of(new Column("e", type)));
    }
}
