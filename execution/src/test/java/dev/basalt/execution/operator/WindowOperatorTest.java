package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.execution.testing.TestingTable;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.Window;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFrame.BoundType;
import dev.basalt.planner.plan.WindowFrame.FrameBound;
import dev.basalt.planner.plan.WindowFrame.FrameType;
import dev.basalt.planner.plan.WindowFunction;
import dev.basalt.planner.plan.WindowFunctionCall;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WindowOperatorTest
{
    // columns: p (partition), o (order key with duplicates), id (unique), x, d, s, two (constant 2)
    private static final List<Column> COLUMNS = List.of(new Column("p", DataTypes.INTEGER), new Column("o", DataTypes.INTEGER),
            new Column("id", DataTypes.BIGINT), new Column("x", DataTypes.BIGINT), new Column("d", DataTypes.DOUBLE),
            new Column("s", DataTypes.VARCHAR), new Column("two", DataTypes.BIGINT));
    private static final int P = 0;
    private static final int O = 1;
    private static final int ID = 2;
    private static final int X = 3;
    private static final int D = 4;
    private static final int S = 5;
    private static final int TWO = 6;

    private static FrameBound bound(BoundType type, long offset)
    {
        return new FrameBound(type, offset);
    }

    private static final FrameBound UP = FrameBound.unboundedPreceding();
    private static final FrameBound UF = FrameBound.unboundedFollowing();
    private static final FrameBound CR = FrameBound.currentRow();

    private static FrameBound preceding(long n)
    {
        return bound(BoundType.PRECEDING, n);
    }

    private static FrameBound following(long n)
    {
        return bound(BoundType.FOLLOWING, n);
    }

    private static WindowFunctionCall function(WindowFunction function, DataType type, Integer... arguments)
    {
        return new WindowFunctionCall(function, Optional.empty(), List.of(arguments), false, false, WindowFrame.defaultFrame(true), type);
    }

    private static WindowFunctionCall aggregate(AggregateFunction function, boolean distinct, WindowFrame frame, DataType type, Integer... arguments)
    {
        return new WindowFunctionCall(WindowFunction.AGGREGATE, Optional.of(function), List.of(arguments), distinct, false, frame, type);
    }

    private static List<Object[]> randomRows(Random random, int count, int partitions)
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Integer p = random.nextInt(10) == 0 ? null : random.nextInt(partitions);
            Integer o = random.nextInt(8) == 0 ? null : random.nextInt(20);
            Long x = random.nextInt(6) == 0 ? null : (long) random.nextInt(10) - 3;
            Double d = random.nextInt(6) == 0 ? null : random.nextInt(40) / 2.0;
            String s = random.nextInt(6) == 0 ? null : "s" + random.nextInt(15);
            rows.add(new Object[] {p, o, (long) i, x, d, s, 2L});
        }
        return rows;
    }

    private static Map<Long, List<Object>> run(List<Object[]> rows, List<Integer> partitionBy, List<SortKey> orderBy, List<WindowFunctionCall> functions)
    {
        TestingCatalog catalog = new TestingCatalog();
        catalog.add("t", new TestingTable(new TableSchema("t", COLUMNS), rows, 7, true));
        TableScan scan = new TableScan("t", List.of(0, 1, 2, 3, 4, 5, 6), List.of(), COLUMNS, rows.size());
        List<Column> output = new ArrayList<>(COLUMNS);
        for (int i = 0; i < functions.size(); i++) {
            output.add(new Column("f" + i, functions.get(i).type()));
        }
        PhysicalPlan plan = new Window(scan, partitionBy, orderBy, functions, output);
        Map<Long, List<Object>> byId = new HashMap<>();
        List<List<Object>> result = QueryRunner.run(plan, catalog);
        assertEquals(rows.size(), result.size());
        for (List<Object> row : result) {
            byId.put((Long) row.get(ID), row.subList(COLUMNS.size(), row.size()));
        }
        return byId;
    }

    // ---- reference implementation: O(n^2), straight from the definitions ------------------------------------

    /** Whether the reference sorts NULL keys first (set per test; tests run one at a time in this class). */
    private boolean nullsFirst;

    private Comparator<Object[]> orderComparator(boolean byId)
    {
        // o ASC NULLS LAST (or FIRST), then id
        Comparator<Integer> natural = Comparator.naturalOrder();
        Comparator<Object[]> byO = Comparator.comparing(row -> (Integer) row[O], nullsFirst ? Comparator.nullsFirst(natural) : Comparator.nullsLast(natural));
        return byId ? byO.thenComparing(row -> (Long) row[ID]) : byO;
    }

    private List<List<Object[]>> partitions(List<Object[]> rows, boolean byId)
    {
        Map<Integer, List<Object[]>> groups = new HashMap<>();
        for (Object[] row : rows) {
            groups.computeIfAbsent((Integer) row[P], key -> new ArrayList<>()).add(row);
        }
        List<List<Object[]>> result = new ArrayList<>();
        for (List<Object[]> group : groups.values()) {
            group.sort(orderComparator(byId).thenComparing(row -> (Long) row[ID]));
            result.add(group);
        }
        return result;
    }

    /** ORDER BY o ASC as a number, NULL as +infinity (NULLS LAST) or -infinity (NULLS FIRST). */
    private double key(Object[] row)
    {
        return row[O] == null ? (nullsFirst ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : (Integer) row[O];
    }

    /** Frame positions [start, end) of row i in its sorted partition. */
    private int[] frame(List<Object[]> partition, int i, WindowFrame frame)
    {
        int size = partition.size();
        int start = 0;
        int end = size;
        switch (frame.type()) {
            case ROWS -> {
                start = (int) Math.clamp(rowsBound(frame.start(), i, true), 0, size);
                end = (int) Math.clamp(rowsBound(frame.end(), i, false), 0, size);
            }
            case RANGE -> {
                double v = key(partition.get(i));
                double startTarget = valueTarget(frame.start(), v);
                double endTarget = valueTarget(frame.end(), v);
                start = size;
                for (int j = 0; j < size; j++) {
                    if (frame.start().type() == BoundType.UNBOUNDED_PRECEDING || key(partition.get(j)) >= startTarget) {
                        start = j;
                        break;
                    }
                }
                end = 0;
                for (int j = size - 1; j >= 0; j--) {
                    if (frame.end().type() == BoundType.UNBOUNDED_FOLLOWING || key(partition.get(j)) <= endTarget) {
                        end = j + 1;
                        break;
                    }
                }
            }
            case GROUPS -> {
                int[] groups = new int[size];
                for (int j = 1; j < size; j++) {
                    groups[j] = groups[j - 1] + (key(partition.get(j)) == key(partition.get(j - 1)) ? 0 : 1);
                }
                long startGroup = groupTarget(frame.start(), groups[i]);
                long endGroup = groupTarget(frame.end(), groups[i]);
                start = size;
                for (int j = 0; j < size; j++) {
                    if (groups[j] >= startGroup) {
                        start = j;
                        break;
                    }
                }
                end = 0;
                for (int j = size - 1; j >= 0; j--) {
                    if (groups[j] <= endGroup) {
                        end = j + 1;
                        break;
                    }
                }
            }
        }
        return new int[] {start, Math.max(start, end)};
    }

    private static long rowsBound(FrameBound bound, int i, boolean isStart)
    {
        long position = switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> Integer.MIN_VALUE;
            case UNBOUNDED_FOLLOWING -> Integer.MAX_VALUE;
            case CURRENT_ROW -> i;
            case PRECEDING -> i - (Long) bound.offset();
            case FOLLOWING -> i + (Long) bound.offset();
        };
        return isStart || position == Integer.MAX_VALUE || position == Integer.MIN_VALUE ? position : position + 1;
    }

    private static double valueTarget(FrameBound bound, double v)
    {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> Double.NEGATIVE_INFINITY;
            case UNBOUNDED_FOLLOWING -> Double.POSITIVE_INFINITY;
            case CURRENT_ROW -> v;
            case PRECEDING -> v - (Long) bound.offset();
            case FOLLOWING -> v + (Long) bound.offset();
        };
    }

    private static long groupTarget(FrameBound bound, int g)
    {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> Integer.MIN_VALUE;
            case UNBOUNDED_FOLLOWING -> Integer.MAX_VALUE;
            case CURRENT_ROW -> g;
            case PRECEDING -> g - (Long) bound.offset();
            case FOLLOWING -> g + (Long) bound.offset();
        };
    }

    /** Reference values of the aggregates used in {@link #aggregatesOverFrames}, per row id. */
    private Map<Long, List<Object>> referenceAggregates(List<Object[]> rows, WindowFrame frame, boolean byId)
    {
        Map<Long, List<Object>> expected = new HashMap<>();
        for (List<Object[]> partition : partitions(rows, byId)) {
            for (int i = 0; i < partition.size(); i++) {
                int[] bounds = frame(partition, i, frame);
                List<Object[]> inFrame = partition.subList(bounds[0], bounds[1]);
                long countStar = inFrame.size();
                List<Long> xs = new ArrayList<>();
                List<Double> ds = new ArrayList<>();
                List<String> ss = new ArrayList<>();
                for (Object[] row : inFrame) {
                    if (row[X] != null) {
                        xs.add((Long) row[X]);
                    }
                    if (row[D] != null) {
                        ds.add((Double) row[D]);
                    }
                    if (row[S] != null) {
                        ss.add((String) row[S]);
                    }
                }
                Set<Long> distinct = new HashSet<>(xs);
                Object sum = xs.isEmpty() ? null : new BigDecimal(xs.stream().mapToLong(Long::longValue).sum());
                Object avg = xs.isEmpty() ? null : xs.stream().mapToLong(Long::longValue).sum() / (double) xs.size();
                Object min = xs.isEmpty() ? null : xs.stream().min(Long::compare).get();
                Object maxS = ss.isEmpty() ? null : ss.stream().max(String::compareTo).get();
                Object sumD = ds.isEmpty() ? null : ds.stream().mapToDouble(Double::doubleValue).sum();
                Object avgD = ds.isEmpty() ? null : ds.stream().mapToDouble(Double::doubleValue).sum() / ds.size();
                Object maxD = ds.isEmpty() ? null : ds.stream().max(Double::compare).get();
                Object sumDistinct = distinct.isEmpty() ? null : new BigDecimal(distinct.stream().mapToLong(Long::longValue).sum());
                Object avgDistinct = distinct.isEmpty() ? null : distinct.stream().mapToLong(Long::longValue).sum() / (double) distinct.size();
                expected.put((Long) partition.get(i)[ID], Arrays.asList(countStar, (long) xs.size(), sum, avg, min, maxS, sumD, avgD, maxD,
                        (long) distinct.size(), sumDistinct, avgDistinct));
            }
        }
        return expected;
    }

    private static List<WindowFunctionCall> aggregateCalls(WindowFrame frame)
    {
        return List.of(
                aggregate(AggregateFunction.COUNT_STAR, false, frame, DataTypes.BIGINT),
                aggregate(AggregateFunction.COUNT, false, frame, DataTypes.BIGINT, X),
                aggregate(AggregateFunction.SUM, false, frame, DataTypes.parse("DECIMAL(38,0)"), X),
                aggregate(AggregateFunction.AVG, false, frame, DataTypes.DOUBLE, X),
                aggregate(AggregateFunction.MIN, false, frame, DataTypes.BIGINT, X),
                aggregate(AggregateFunction.MAX, false, frame, DataTypes.VARCHAR, S),
                aggregate(AggregateFunction.SUM, false, frame, DataTypes.DOUBLE, D),
                aggregate(AggregateFunction.AVG, false, frame, DataTypes.DOUBLE, D),
                aggregate(AggregateFunction.MAX, false, frame, DataTypes.DOUBLE, D),
                aggregate(AggregateFunction.COUNT, true, frame, DataTypes.BIGINT, X),
                aggregate(AggregateFunction.SUM, true, frame, DataTypes.parse("DECIMAL(38,0)"), X),
                aggregate(AggregateFunction.AVG, true, frame, DataTypes.DOUBLE, X));
    }

    @Test
    void aggregatesOverFrames()
    {
        Random random = new Random(42);
        List<Object[]> rows = randomRows(random, 600, 4);
        List<WindowFrame> rowsFrames = List.of(
                new WindowFrame(FrameType.ROWS, UP, CR),
                new WindowFrame(FrameType.ROWS, preceding(2), CR),
                new WindowFrame(FrameType.ROWS, preceding(1), following(1)),
                new WindowFrame(FrameType.ROWS, CR, UF),
                new WindowFrame(FrameType.ROWS, UP, UF),
                new WindowFrame(FrameType.ROWS, following(1), following(3)),
                new WindowFrame(FrameType.ROWS, preceding(3), preceding(1)),
                new WindowFrame(FrameType.ROWS, following(2), following(1)),
                new WindowFrame(FrameType.ROWS, preceding(1000), following(1000)));
        List<SortKey> byOAndId = List.of(new SortKey(O, true, false), new SortKey(ID, true, false));
        for (WindowFrame frame : rowsFrames) {
            assertEquals(referenceAggregates(rows, frame, true), run(rows, List.of(P), byOAndId, aggregateCalls(frame)), frame.toString());
        }
        List<WindowFrame> valueFrames = List.of(
                new WindowFrame(FrameType.RANGE, UP, CR),
                new WindowFrame(FrameType.RANGE, preceding(2), following(1)),
                new WindowFrame(FrameType.RANGE, CR, CR),
                new WindowFrame(FrameType.RANGE, following(1), UF),
                new WindowFrame(FrameType.RANGE, UP, preceding(1)),
                new WindowFrame(FrameType.RANGE, preceding(3), preceding(1)),
                new WindowFrame(FrameType.GROUPS, preceding(1), following(1)),
                new WindowFrame(FrameType.GROUPS, UP, CR),
                new WindowFrame(FrameType.GROUPS, CR, following(2)),
                new WindowFrame(FrameType.GROUPS, following(1), following(2)));
        List<SortKey> byO = List.of(new SortKey(O, true, false));
        for (WindowFrame frame : valueFrames) {
            assertEquals(referenceAggregates(rows, frame, false), run(rows, List.of(P), byO, aggregateCalls(frame)), frame.toString());
        }
        // no PARTITION BY, no ORDER BY: the whole input is one partition and one peer group
        WindowFrame whole = WindowFrame.defaultFrame(false);
        Map<Long, List<Object>> expected = new HashMap<>();
        List<Object[]> unpartitioned = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] copy = row.clone();
            copy[P] = 0;
            unpartitioned.add(copy);
        }
        expected.putAll(referenceAggregates(unpartitioned, whole, true));
        assertEquals(expected, run(rows, List.of(), List.of(), aggregateCalls(whole)));
    }

    /** Aggregates computed by the hash aggregate's accumulators per frame (bit_or, bit_xor, var_pop), incl. running frames. */
    @Test
    void accumulatorAggregatesOverFrames()
    {
        Random random = new Random(7);
        List<Object[]> rows = randomRows(random, 400, 3);
        List<SortKey> byOAndId = List.of(new SortKey(O, true, false), new SortKey(ID, true, false));
        List<SortKey> byO = List.of(new SortKey(O, true, false));
        List<WindowFrame> frames = List.of(
                new WindowFrame(FrameType.ROWS, UP, CR),
                new WindowFrame(FrameType.ROWS, preceding(2), following(1)),
                new WindowFrame(FrameType.ROWS, CR, UF),
                new WindowFrame(FrameType.ROWS, following(1), following(3)),
                new WindowFrame(FrameType.RANGE, UP, CR),
                new WindowFrame(FrameType.RANGE, preceding(2), following(1)),
                new WindowFrame(FrameType.GROUPS, UP, CR));
        for (WindowFrame frame : frames) {
            boolean byId = frame.type() == FrameType.ROWS;
            List<WindowFunctionCall> calls = List.of(
                    aggregate(AggregateFunction.BIT_OR, false, frame, DataTypes.BIGINT, X),
                    aggregate(AggregateFunction.BIT_XOR, false, frame, DataTypes.BIGINT, X),
                    aggregate(AggregateFunction.VAR_POP, false, frame, DataTypes.DOUBLE, D));
            Map<Long, List<Object>> actual = run(rows, List.of(P), byId ? byOAndId : byO, calls);
            for (List<Object[]> partition : partitions(rows, byId)) {
                for (int i = 0; i < partition.size(); i++) {
                    int[] bounds = frame(partition, i, frame);
                    Long or = null;
                    Long xor = null;
                    double sum = 0;
                    double squares = 0;
                    int count = 0;
                    for (Object[] row : partition.subList(bounds[0], bounds[1])) {
                        if (row[X] != null) {
                            or = or == null ? (Long) row[X] : or | (Long) row[X];
                            xor = xor == null ? (Long) row[X] : xor ^ (Long) row[X];
                        }
                        if (row[D] != null) {
                            sum += (Double) row[D];
                            squares += (Double) row[D] * (Double) row[D];
                            count++;
                        }
                    }
                    List<Object> got = actual.get((Long) partition.get(i)[ID]);
                    String message = frame + " row " + partition.get(i)[ID];
                    assertEquals(or, got.get(0), message);
                    assertEquals(xor, got.get(1), message);
                    if (count == 0) {
                        assertEquals(null, got.get(2), message);
                    }
                    else {
                        double mean = sum / count;
                        assertEquals(squares / count - mean * mean, (Double) got.get(2), 1e-6, message);
                    }
                }
            }
        }
    }

    @Test
    void rangeAndGroupsWithNullsFirst()
    {
        nullsFirst = true;
        List<Object[]> rows = randomRows(new Random(11), 400, 3);
        List<WindowFrame> frames = List.of(
                new WindowFrame(FrameType.RANGE, UP, preceding(1)),
                new WindowFrame(FrameType.RANGE, preceding(2), following(2)),
                new WindowFrame(FrameType.RANGE, following(1), UF),
                new WindowFrame(FrameType.RANGE, CR, following(3)),
                new WindowFrame(FrameType.GROUPS, preceding(2), preceding(1)));
        for (WindowFrame frame : frames) {
            assertEquals(referenceAggregates(rows, frame, false), run(rows, List.of(P), List.of(new SortKey(O, true, true)), aggregateCalls(frame)), frame.toString());
        }
    }

    @Test
    void rangeOffsetsOnDoubleAndDecimalKeys()
    {
        for (DataType keyType : List.of(DataTypes.DOUBLE, DataTypes.parse("DECIMAL(10,2)"))) {
            List<Column> columns = List.of(new Column("k", keyType), new Column("v", DataTypes.BIGINT));
            List<Object[]> rows = new ArrayList<>();
            double[] keys = {1.0, 1.5, 2.25, 4.0, 4.5};
            for (int i = 0; i < keys.length; i++) {
                Object key = keyType instanceof dev.basalt.spi.type.DoubleType ? (Object) keys[i] : new BigDecimal(keys[i]).setScale(2);
                rows.add(new Object[] {key, (long) i});
            }
            TestingCatalog catalog = new TestingCatalog();
            catalog.add("t", new TestingTable(new TableSchema("t", columns), rows, 2, true));
            TableScan scan = new TableScan("t", List.of(0, 1), List.of(), columns, rows.size());
            Object offset = keyType instanceof dev.basalt.spi.type.DoubleType ? (Object) 1.25 : new BigDecimal("1.25");
            WindowFrame frame = new WindowFrame(FrameType.RANGE, new FrameBound(BoundType.PRECEDING, offset), CR);
            WindowFunctionCall count = new WindowFunctionCall(WindowFunction.AGGREGATE, Optional.of(AggregateFunction.COUNT_STAR), List.of(), false, false, frame, DataTypes.BIGINT);
            List<Column> output = List.of(columns.get(0), columns.get(1), new Column("c", DataTypes.BIGINT));
            List<List<Object>> result = QueryRunner.run(new Window(scan, List.of(), List.of(new SortKey(0, true, false)), List.of(count), output), catalog);
            // 1.0 -> {1.0}; 1.5 -> {1.0, 1.5}; 2.25 -> {1.0, 1.5, 2.25}; 4.0 -> {4.0}; 4.5 -> {4.0, 4.5}
            assertEquals(List.of(1L, 2L, 3L, 1L, 2L), result.stream().map(row -> (Long) row.get(2)).toList(), keyType.toString());
        }
    }

    @Test
    void rankingAndValueFunctions()
    {
        Random random = new Random(7);
        List<Object[]> rows = randomRows(random, 500, 5);
        WindowFrame frame = new WindowFrame(FrameType.ROWS, preceding(2), following(1));
        List<WindowFunctionCall> calls = List.of(
                function(WindowFunction.ROW_NUMBER, DataTypes.BIGINT),
                function(WindowFunction.RANK, DataTypes.BIGINT),
                function(WindowFunction.DENSE_RANK, DataTypes.BIGINT),
                function(WindowFunction.PERCENT_RANK, DataTypes.DOUBLE),
                function(WindowFunction.CUME_DIST, DataTypes.DOUBLE),
                function(WindowFunction.NTILE, DataTypes.BIGINT, TWO),
                function(WindowFunction.LAG, DataTypes.BIGINT, X),
                function(WindowFunction.LEAD, DataTypes.BIGINT, X, TWO, ID),
                new WindowFunctionCall(WindowFunction.LAG, Optional.empty(), List.of(X), false, true, frame, DataTypes.BIGINT),
                new WindowFunctionCall(WindowFunction.LEAD, Optional.empty(), List.of(S, TWO), false, true, frame, DataTypes.VARCHAR),
                new WindowFunctionCall(WindowFunction.FIRST_VALUE, Optional.empty(), List.of(S), false, false, frame, DataTypes.VARCHAR),
                new WindowFunctionCall(WindowFunction.LAST_VALUE, Optional.empty(), List.of(X), false, false, frame, DataTypes.BIGINT),
                new WindowFunctionCall(WindowFunction.NTH_VALUE, Optional.empty(), List.of(X, TWO), false, false, frame, DataTypes.BIGINT),
                new WindowFunctionCall(WindowFunction.FIRST_VALUE, Optional.empty(), List.of(X), false, true, frame, DataTypes.BIGINT),
                new WindowFunctionCall(WindowFunction.LAST_VALUE, Optional.empty(), List.of(S), false, true, frame, DataTypes.VARCHAR),
                new WindowFunctionCall(WindowFunction.NTH_VALUE, Optional.empty(), List.of(X, TWO), false, true, frame, DataTypes.BIGINT));
        Map<Long, List<Object>> actual = run(rows, List.of(P), List.of(new SortKey(O, true, false), new SortKey(ID, true, false)), calls);
        Map<Long, List<Object>> expected = new HashMap<>();
        for (List<Object[]> partition : partitions(rows, true)) {
            int size = partition.size();
            for (int i = 0; i < size; i++) {
                Object[] row = partition.get(i);
                // peers: same o and id, i.e. only the row itself (the order is unique)
                long rowNumber = i + 1;
                long ntile = ntile(i, size, 2);
                List<Object> values = new ArrayList<>(Arrays.asList(rowNumber, rowNumber, rowNumber, size == 1 ? 0.0 : (double) i / (size - 1),
                        (double) (i + 1) / size, ntile,
                        i >= 1 ? partition.get(i - 1)[X] : null,
                        i + 2 < size ? partition.get(i + 2)[X] : row[ID],
                        nonNullShift(partition, i, X, -1),
                        nonNullShift(partition, i, S, 2)));
                int[] bounds = frame(partition, i, frame);
                List<Object[]> inFrame = partition.subList(bounds[0], bounds[1]);
                values.add(inFrame.isEmpty() ? null : inFrame.getFirst()[S]);
                values.add(inFrame.isEmpty() ? null : inFrame.getLast()[X]);
                values.add(inFrame.size() < 2 ? null : inFrame.get(1)[X]);
                List<Object> xs = inFrame.stream().map(r -> r[X]).filter(Objects::nonNull).toList();
                List<Object> ss = inFrame.stream().map(r -> r[S]).filter(Objects::nonNull).toList();
                values.add(xs.isEmpty() ? null : xs.getFirst());
                values.add(ss.isEmpty() ? null : ss.getLast());
                values.add(xs.size() < 2 ? null : xs.get(1));
                expected.put((Long) row[ID], values);
            }
        }
        assertEquals(expected, actual);
    }

    private static long ntile(int row, int size, int buckets)
    {
        // reference: deal rows out like PostgreSQL, bucket sizes differ by at most one, larger ones first
        int[] sizes = new int[buckets];
        for (int i = 0; i < size; i++) {
            sizes[i % buckets]++;
        }
        int seen = 0;
        for (int b = 0; b < buckets; b++) {
            seen += sizes[b];
            if (row < seen) {
                return b + 1;
            }
        }
        throw new AssertionError();
    }

    private static Object nonNullShift(List<Object[]> partition, int i, int column, int shift)
    {
        int step = shift < 0 ? -1 : 1;
        int remaining = Math.abs(shift);
        for (int j = i + step; j >= 0 && j < partition.size(); j += step) {
            if (partition.get(j)[column] != null && --remaining == 0) {
                return partition.get(j)[column];
            }
        }
        return null;
    }

    @Test
    void peersShareRanks()
    {
        List<Object[]> rows = new ArrayList<>();
        int[] keys = {1, 1, 2, 3, 3, 3, 5};
        for (int i = 0; i < keys.length; i++) {
            rows.add(new Object[] {0, keys[i], (long) i, (long) i, 1.0, "a", 2L});
        }
        rows.add(new Object[] {0, null, 99L, 5L, 1.0, "a", 2L});
        List<WindowFunctionCall> calls = List.of(
                function(WindowFunction.RANK, DataTypes.BIGINT),
                function(WindowFunction.DENSE_RANK, DataTypes.BIGINT),
                function(WindowFunction.PERCENT_RANK, DataTypes.DOUBLE),
                function(WindowFunction.CUME_DIST, DataTypes.DOUBLE),
                aggregate(AggregateFunction.SUM, false, WindowFrame.defaultFrame(true), DataTypes.parse("DECIMAL(38,0)"), X));
        Map<Long, List<Object>> actual = run(rows, List.of(), List.of(new SortKey(O, true, false)), calls);
        assertEquals(List.of(1L, 1L, 0.0, 2 / 8.0, new BigDecimal(1)), actual.get(0L));
        assertEquals(List.of(3L, 2L, 2 / 7.0, 3 / 8.0, new BigDecimal(3)), actual.get(2L));
        assertEquals(List.of(4L, 3L, 3 / 7.0, 6 / 8.0, new BigDecimal(15)), actual.get(4L));
        assertEquals(List.of(7L, 4L, 6 / 7.0, 7 / 8.0, new BigDecimal(21)), actual.get(6L));
        assertEquals(List.of(8L, 5L, 1.0, 1.0, new BigDecimal(26)), actual.get(99L));
        // descending order: RANGE 1 PRECEDING means keys up to 1 larger
        WindowFrame frame = new WindowFrame(FrameType.RANGE, preceding(1), CR);
        Map<Long, List<Object>> descending = run(rows, List.of(), List.of(new SortKey(O, false, true)),
                List.of(aggregate(AggregateFunction.SUM, false, frame, DataTypes.parse("DECIMAL(38,0)"), X)));
        assertEquals(List.of(new BigDecimal(5)), descending.get(99L));
        // key 3 (ids 3, 4, 5): keys 4..3 in descending order, i.e. only the peers (there is no key 4)
        assertEquals(List.of(new BigDecimal(3 + 4 + 5)), descending.get(3L));
        assertEquals(List.of(new BigDecimal(3 + 4 + 5)), descending.get(5L));
        // key 2: keys 3..2
        assertEquals(List.of(new BigDecimal(2 + 3 + 4 + 5)), descending.get(2L));
    }

    @Test
    void rangeOverDatesWithIntervals()
    {
        List<Column> columns = List.of(new Column("day", DataTypes.DATE), new Column("v", DataTypes.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        LocalDate base = LocalDate.of(2024, 1, 30);
        int[] offsets = {0, 1, 2, 31, 35, 60};
        for (int offset : offsets) {
            rows.add(new Object[] {base.plusDays(offset), 1});
        }
        TestingCatalog catalog = new TestingCatalog();
        catalog.add("t", new TestingTable(new TableSchema("t", columns), rows, 4, false));
        TableScan scan = new TableScan("t", List.of(0, 1), List.of(), columns, rows.size());
        WindowFrame frame = new WindowFrame(FrameType.RANGE, new FrameBound(BoundType.PRECEDING, new Interval(1, 0, 0)), CR);
        WindowFunctionCall count = new WindowFunctionCall(WindowFunction.AGGREGATE, Optional.of(AggregateFunction.COUNT_STAR), List.of(), false, false, frame, DataTypes.BIGINT);
        List<Column> output = List.of(columns.get(0), columns.get(1), new Column("c", DataTypes.BIGINT));
        List<List<Object>> result = QueryRunner.run(new Window(scan, List.of(), List.of(new SortKey(0, true, false)), List.of(count), output), catalog);
        List<Long> counts = result.stream().map(row -> (Long) row.get(2)).toList();
        // days Jan 30, Jan 31, Feb 1, Mar 1, Mar 5, Mar 30 (2024); Mar 30 - 1 month clamps to Feb 29
        assertEquals(List.of(1L, 2L, 3L, 2L, 2L, 3L), counts);
    }

    @Test
    void emptyInputAndErrors()
    {
        assertEquals(Map.of(), run(List.of(), List.of(P), List.of(new SortKey(O, true, false)), aggregateCalls(WindowFrame.defaultFrame(true))));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1, 1, 0L, 1L, 1.0, "a", 0L});
        BasaltException e = assertThrows(BasaltException.class,
                () -> run(rows, List.of(), List.of(), List.of(function(WindowFunction.NTILE, DataTypes.BIGINT, TWO))));
        assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_NTILE, e.code());
        e = assertThrows(BasaltException.class, () -> run(rows, List.of(), List.of(), List.of(new WindowFunctionCall(WindowFunction.NTH_VALUE, Optional.empty(),
                List.of(X, TWO), false, false, WindowFrame.defaultFrame(false), DataTypes.BIGINT))));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
    }

    @Test
    void memoryLimitIsEnforced()
    {
        List<Object[]> rows = randomRows(new Random(5), 20_000, 3);
        TestingCatalog catalog = new TestingCatalog();
        catalog.add("t", new TestingTable(new TableSchema("t", COLUMNS), rows, 1024, false));
        TableScan scan = new TableScan("t", List.of(0, 1, 2, 3, 4, 5, 6), List.of(), COLUMNS, rows.size());
        List<Column> output = new ArrayList<>(COLUMNS);
        output.add(new Column("rn", DataTypes.BIGINT));
        PhysicalPlan plan = new Window(scan, List.of(P), List.of(new SortKey(O, true, false)), List.of(function(WindowFunction.ROW_NUMBER, DataTypes.BIGINT)), output);
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(plan, catalog, 256 * 1024));
        assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
    }

    @Test
    void largeInputEmitsBatches()
    {
        Random random = new Random(3);
        List<Object[]> rows = randomRows(random, 20_000, 3);
        WindowFrame frame = new WindowFrame(FrameType.ROWS, preceding(50), following(50));
        Map<Long, List<Object>> actual = run(rows, List.of(P), List.of(new SortKey(O, true, false), new SortKey(ID, true, false)),
                List.of(function(WindowFunction.ROW_NUMBER, DataTypes.BIGINT), aggregate(AggregateFunction.MIN, false, frame, DataTypes.BIGINT, X),
                        aggregate(AggregateFunction.SUM, false, frame, DataTypes.parse("DECIMAL(38,0)"), X)));
        assertEquals(20_000, actual.size());
        for (List<Object[]> partition : partitions(rows, true)) {
            for (int i = 0; i < partition.size(); i += 997) {
                List<Object[]> inFrame = partition.subList(Math.max(0, i - 50), Math.min(partition.size(), i + 51));
                List<Long> xs = inFrame.stream().map(r -> (Long) r[X]).filter(Objects::nonNull).toList();
                List<Object> row = actual.get((Long) partition.get(i)[ID]);
                assertEquals((long) i + 1, row.get(0));
                assertEquals(xs.stream().min(Long::compare).orElse(null), row.get(1));
                assertEquals(new BigDecimal(xs.stream().mapToLong(Long::longValue).sum()), row.get(2));
            }
        }
    }
}
