package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * FILTER, ORDER BY and the statistical / holistic aggregates through {@link HashAggregateOperator}, over several
 * batches with and without selection vectors, checked against straightforward Java computations.
 */
class AggregateFeaturesTest
{
    private static final DataType INTEGER = DataTypes.INTEGER;
    private static final DataType VARCHAR = DataTypes.VARCHAR;
    private static final DataType DOUBLE = DataTypes.DOUBLE;
    private static final DataType BOOLEAN = DataTypes.BOOLEAN;

    private record Row(String group, Integer value, String text, Double x, Boolean flag, int sequence) {}

    private static List<Row> data(int count, long seed)
    {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row("g" + random.nextInt(40),
                    random.nextInt(15) == 0 ? null : random.nextInt(1000) - 300,
                    random.nextInt(10) == 0 ? null : "s" + random.nextInt(50),
                    random.nextInt(12) == 0 ? null : random.nextInt(10_000) / 16.0,
                    random.nextInt(7) == 0 ? null : random.nextBoolean(),
                    i));
        }
        return rows;
    }

    private static TableScan scan(TestingCatalog catalog, List<Row> rows, boolean junk)
    {
        List<Object[]> objects = new ArrayList<>();
        for (Row row : rows) {
            objects.add(new Object[] {row.group(), row.value(), row.text(), row.x(), row.flag(), row.sequence()});
        }
        List<Column> columns = List.of(new Column("g", VARCHAR), new Column("v", INTEGER), new Column("s", VARCHAR),
                new Column("x", DOUBLE), new Column("f", BOOLEAN), new Column("seq", INTEGER));
        return OperatorTest.table(catalog, "t", columns, objects, 1000, junk);
    }

    @Test
    void filterOrderAndHolisticAggregatesPerGroup()
    {
        List<Row> rows = data(12_000, 7);
        SortKey bySequenceDesc = new SortKey(5, false, false);
        List<AggregateCall> calls = List.of(
                // 0: count(*) FILTER (WHERE f)
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataTypes.BIGINT, Optional.of(4), List.of(), List.of()),
                // 1: sum(v) FILTER (WHERE f)
                new AggregateCall(AggregateFunction.SUM, List.of(1), false, DataTypes.BIGINT, Optional.of(4), List.of(), List.of()),
                // 2: count(DISTINCT v) FILTER (WHERE f)
                new AggregateCall(AggregateFunction.COUNT, List.of(1), true, DataTypes.BIGINT, Optional.of(4), List.of(), List.of()),
                // 3: var_samp(x)
                new AggregateCall(AggregateFunction.VAR_SAMP, List.of(3), false, DOUBLE),
                // 4: quantile_disc(v, 0.3)
                new AggregateCall(AggregateFunction.QUANTILE_DISC, List.of(1), false, INTEGER, Optional.empty(), List.of(), List.of(0.3, false)),
                // 5: median(x)
                new AggregateCall(AggregateFunction.QUANTILE_CONT, List.of(3), false, DOUBLE, Optional.empty(), List.of(), List.of(0.5, false)),
                // 6: first(s ORDER BY seq DESC) = last value in input order
                new AggregateCall(AggregateFunction.FIRST, List.of(2), false, VARCHAR, Optional.empty(), List.of(bySequenceDesc), List.of()),
                // 7: arg_max(s, v)
                new AggregateCall(AggregateFunction.ARG_MAX, List.of(2, 1), false, VARCHAR),
                // 8: bit_xor(v) FILTER (WHERE f)
                new AggregateCall(AggregateFunction.BIT_XOR, List.of(1), false, INTEGER, Optional.of(4), List.of(), List.of()),
                // 9: mode(s)
                new AggregateCall(AggregateFunction.MODE, List.of(2), false, VARCHAR),
                // 10: string_agg(s, '|' ORDER BY seq DESC) FILTER (WHERE f)
                new AggregateCall(AggregateFunction.STRING_AGG, List.of(2), false, VARCHAR, Optional.of(4), List.of(bySequenceDesc), List.of("|")));
        List<Column> output = new ArrayList<>(List.of(new Column("g", VARCHAR)));
        for (int i = 0; i < calls.size(); i++) {
            output.add(new Column("a" + i, calls.get(i).type()));
        }
        for (boolean junk : new boolean[] {false, true}) {
            TestingCatalog catalog = new TestingCatalog();
            HashAggregate plan = new HashAggregate(scan(catalog, rows, junk), List.of(0), calls, output, -1);
            Map<String, List<Object>> actual = new HashMap<>();
            for (List<Object> row : QueryRunner.run(plan, catalog)) {
                actual.put((String) row.get(0), row.subList(1, row.size()));
            }
            Map<String, List<Row>> groups = new TreeMap<>();
            for (Row row : rows) {
                groups.computeIfAbsent(row.group(), k -> new ArrayList<>()).add(row);
            }
            assertEquals(groups.size(), actual.size());
            for (Map.Entry<String, List<Row>> entry : groups.entrySet()) {
                assertGroup(entry.getKey(), entry.getValue(), actual.get(entry.getKey()));
            }
        }
    }

    private static void assertGroup(String group, List<Row> rows, List<Object> actual)
    {
        List<Row> flagged = rows.stream().filter(r -> Boolean.TRUE.equals(r.flag())).toList();
        assertEquals((long) flagged.size(), actual.get(0), group);
        List<Integer> flaggedValues = flagged.stream().map(Row::value).filter(v -> v != null).toList();
        assertEquals(flaggedValues.isEmpty() ? null : flaggedValues.stream().mapToLong(Integer::longValue).sum(), actual.get(1), group);
        assertEquals(flaggedValues.stream().distinct().count(), actual.get(2), group);

        List<Double> xs = rows.stream().map(Row::x).filter(v -> v != null).toList();
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = xs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        assertEquals(squares / (xs.size() - 1), (Double) actual.get(3), 1e-6 * Math.max(1, squares), group);

        List<Integer> values = rows.stream().map(Row::value).filter(v -> v != null).sorted().toList();
        int index = Math.max(0, (int) Math.ceil(values.size() * 0.3) - 1);
        assertEquals(values.get(index), actual.get(4), group);

        List<Double> sortedX = xs.stream().sorted().toList();
        double position = (sortedX.size() - 1) * 0.5;
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        double median = sortedX.get(low) + (sortedX.get(high) - sortedX.get(low)) * (position - low);
        assertEquals(median, (Double) actual.get(5), 1e-9, group);

        assertEquals(rows.getLast().text(), actual.get(6), group);

        Row best = null;
        for (Row row : rows) {
            if (row.text() != null && row.value() != null && (best == null || row.value() > best.value())) {
                best = row;
            }
        }
        assertEquals(best == null ? null : best.text(), actual.get(7), group);

        int xor = 0;
        for (Integer value : flaggedValues) {
            xor ^= value;
        }
        assertEquals(flaggedValues.isEmpty() ? null : xor, actual.get(8), group);

        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (Row row : rows) {
            if (row.text() != null) {
                counts.merge(row.text(), 1, Integer::sum);
                firstSeen.putIfAbsent(row.text(), row.sequence());
            }
        }
        String mode = counts.keySet().stream()
                .min(Comparator.comparing((String s) -> -counts.get(s)).thenComparing(firstSeen::get))
                .orElse(null);
        assertEquals(mode, actual.get(9), group);

        List<String> texts = new ArrayList<>();
        for (Row row : flagged.reversed()) {
            if (row.text() != null) {
                texts.add(row.text());
            }
        }
        assertEquals(texts.isEmpty() ? null : String.join("|", texts), actual.get(10), group);
    }

    @Test
    void globalAggregatesOverEmptyInputAreNull()
    {
        TestingCatalog catalog = new TestingCatalog();
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.STDDEV_POP, List.of(3), false, DOUBLE),
                new AggregateCall(AggregateFunction.QUANTILE_DISC, List.of(2), false, VARCHAR, Optional.empty(), List.of(), List.of(0.5, false)),
                new AggregateCall(AggregateFunction.ARG_MIN, List.of(2, 1), false, VARCHAR),
                new AggregateCall(AggregateFunction.LAST, List.of(2), false, VARCHAR, Optional.empty(), List.of(new SortKey(1, true, false)), List.of()),
                new AggregateCall(AggregateFunction.STRING_AGG, List.of(2), false, VARCHAR, Optional.empty(), List.of(), List.of(",")),
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataTypes.BIGINT, Optional.of(4), List.of(), List.of()));
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            output.add(new Column("a" + i, calls.get(i).type()));
        }
        HashAggregate plan = new HashAggregate(scan(catalog, List.of(), false), List.of(), calls, output, -1);
        List<List<Object>> result = QueryRunner.run(plan, catalog);
        assertEquals(1, result.size());
        for (int i = 0; i < 5; i++) {
            assertNull(result.getFirst().get(i), "aggregate " + i);
        }
        assertEquals(0L, result.getFirst().get(5));
    }

    @Test
    void globalCorrelationAndRegressionMatchTwoPassFormulas()
    {
        List<Row> rows = data(5_000, 11);
        TestingCatalog catalog = new TestingCatalog();
        List<AggregateCall> calls = List.of(
                // y = x, x = v (cast by the binder in SQL; here v is read as INTEGER, so use x twice and a derived pair)
                new AggregateCall(AggregateFunction.COVAR_POP, List.of(3, 3), false, DOUBLE),
                new AggregateCall(AggregateFunction.CORR, List.of(3, 3), false, DOUBLE),
                new AggregateCall(AggregateFunction.REGR_SLOPE, List.of(3, 3), false, DOUBLE),
                new AggregateCall(AggregateFunction.REGR_INTERCEPT, List.of(3, 3), false, DOUBLE),
                new AggregateCall(AggregateFunction.STDDEV_SAMP, List.of(3), false, DOUBLE));
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            output.add(new Column("a" + i, calls.get(i).type()));
        }
        List<Object> result = QueryRunner.run(new HashAggregate(scan(catalog, rows, true), List.of(), calls, output, -1), catalog).getFirst();
        List<Double> xs = rows.stream().map(Row::x).filter(v -> v != null).toList();
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = xs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        assertEquals(squares / xs.size(), (Double) result.get(0), 1e-6);
        assertEquals(1.0, (Double) result.get(1), 1e-9);
        assertEquals(1.0, (Double) result.get(2), 1e-9);
        assertEquals(0.0, (Double) result.get(3), 1e-6);
        assertEquals(Math.sqrt(squares / (xs.size() - 1)), (Double) result.get(4), 1e-9);
    }
}
