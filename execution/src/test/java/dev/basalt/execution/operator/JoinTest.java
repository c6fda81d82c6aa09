package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JoinTest
{
    private static final DataType BIGINT = DataTypes.BIGINT;
    private static final DataType VARCHAR = DataTypes.VARCHAR;

    private static List<Object[]> probeRows(Random random, int count, int keyRange)
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {
                    random.nextInt(20) == 0 ? null : (long) random.nextInt(keyRange),
                    random.nextInt(20) == 0 ? null : "k" + random.nextInt(keyRange / 2 + 1),
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(100),
                    "p" + i});
        }
        return rows;
    }

    private static List<Object[]> buildRows(Random random, int count, int keyRange, boolean unique)
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long key = unique ? i * 2L : random.nextInt(keyRange);
            rows.add(new Object[] {
                    !unique && random.nextInt(20) == 0 ? null : key,
                    random.nextInt(20) == 0 ? null : "k" + random.nextInt(keyRange / 2 + 1),
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(100),
                    "b" + i});
        }
        return rows;
    }

    private static final List<Column> COLUMNS = List.of(new Column("k", BIGINT), new Column("s", VARCHAR), new Column("v", BIGINT), new Column("id", VARCHAR));

    private static List<Column> output(JoinType type, String leftPrefix, String rightPrefix)
    {
        List<Column> columns = new ArrayList<>();
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            for (Column column : COLUMNS) {
                columns.add(new Column(rightPrefix + column.name(), column.type()));
            }
            return columns;
        }
        for (Column column : COLUMNS) {
            columns.add(new Column(leftPrefix + column.name(), column.type()));
        }
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return columns;
        }
        if (type == JoinType.MARK) {
            columns.add(new Column("mark", DataTypes.BOOLEAN));
            return columns;
        }
        for (Column column : COLUMNS) {
            columns.add(new Column(rightPrefix + column.name(), column.type()));
        }
        return columns;
    }

    /** Filter over probe ++ build: probe.v < build.v (NULL when either is NULL). */
    private static final RowExpression FILTER = new Call(Function.LESS_THAN, List.of(new InputReference(2, BIGINT), new InputReference(6, BIGINT)), DataTypes.BOOLEAN);

    /** Filter reading only build columns: build.k < build.v (the hash join applies it to build rows once). */
    private static final RowExpression BUILD_FILTER = new Call(Function.LESS_THAN, List.of(new InputReference(4, BIGINT), new InputReference(6, BIGINT)), DataTypes.BOOLEAN);

    private static Boolean filter(Object[] left, Object[] right)
    {
        if (left[2] == null || right[2] == null) {
            return null;
        }
        return (Long) left[2] < (Long) right[2];
    }

    private static Boolean buildFilter(Object[] left, Object[] right)
    {
        if (right[0] == null || right[2] == null) {
            return null;
        }
        return (Long) right[0] < (Long) right[2];
    }

    private static RowExpression currentFilter = FILTER;

    private static List<String> reference(JoinType type, List<Object[]> left, List<Object[]> right, int[] keys, boolean withFilter, boolean hashJoin)
    {
        List<String> result = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        boolean rightHasNullKey = false;
        for (Object[] r : right) {
            for (int key : keys) {
                rightHasNullKey |= r[key] == null;
            }
        }
        for (Object[] l : left) {
            boolean matched = false;
            int matches = 0;
            boolean unknown = false;
            boolean leftNullKey = false;
            for (int key : keys) {
                leftNullKey |= l[key] == null;
            }
            for (int j = 0; j < right.size(); j++) {
                Object[] r = right.get(j);
                boolean keysEqual = true;
                if (hashJoin) {
                    for (int key : keys) {
                        keysEqual &= l[key] != null && Objects.equals(l[key], r[key]);
                    }
                }
                if (!keysEqual) {
                    continue;
                }
                Boolean condition = !withFilter ? Boolean.TRUE : currentFilter == FILTER ? filter(l, r) : buildFilter(l, r);
                if (condition == null) {
                    unknown = true;
                }
                if (Boolean.TRUE.equals(condition)) {
                    matched = true;
                    matches++;
                    rightMatched[j] = true;
                    if (type == JoinType.SINGLE && matches > 1) {
                        return List.of(CARDINALITY_ERROR);
                    }
                    if (type == JoinType.INNER || type == JoinType.LEFT || type == JoinType.RIGHT || type == JoinType.FULL || type == JoinType.SINGLE) {
                        result.add(Arrays.toString(l) + Arrays.toString(r));
                    }
                }
            }
            if (!matched && (type == JoinType.LEFT || type == JoinType.FULL || type == JoinType.SINGLE)) {
                result.add(Arrays.toString(l) + Arrays.toString(new Object[4]));
            }
            if (type == JoinType.SEMI && matched || type == JoinType.ANTI && !matched) {
                result.add(Arrays.toString(l));
            }
            if (type == JoinType.MARK) {
                Boolean mark;
                if (matched) {
                    mark = true;
                }
                else if (!right.isEmpty() && (hashJoin && (leftNullKey || rightHasNullKey) || unknown)) {
                    mark = null;
                }
                else {
                    mark = false;
                }
                Object[] marked = Arrays.copyOf(l, 5);
                marked[4] = mark;
                result.add(Arrays.toString(marked));
            }
        }
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    result.add(Arrays.toString(new Object[4]) + Arrays.toString(right.get(j)));
                }
            }
        }
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            for (int j = 0; j < right.size(); j++) {
                if (rightMatched[j] == (type == JoinType.RIGHT_SEMI)) {
                    result.add(Arrays.toString(right.get(j)));
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** The outcome of a SINGLE join whose probe row matched twice: 21000 (and nothing leaked). */
    private static final String CARDINALITY_ERROR = "ERROR 21000";

    private static List<String> actual(PhysicalPlan plan, TestingCatalog catalog, JoinType type)
    {
        List<String> result = new ArrayList<>();
        List<List<Object>> rows;
        try {
            rows = QueryRunner.run(plan, catalog);
        }
        catch (BasaltException e) {
            if (e.code() != ErrorCode.CARDINALITY_VIOLATION || type != JoinType.SINGLE || e.getSuppressed().length > 0) {
                throw e;
            }
            return List.of(CARDINALITY_ERROR);
        }
        for (List<Object> row : rows) {
            if (type == JoinType.SEMI || type == JoinType.ANTI || type == JoinType.MARK || type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
                result.add(Arrays.toString(row.toArray()));
            }
            else {
                result.add(Arrays.toString(row.subList(0, 4).toArray()) + Arrays.toString(row.subList(4, 8).toArray()));
            }
        }
        result.sort(null);
        return result;
    }

    @Test
    void hashJoinAllTypes()
    {
        Random random = new Random(11);
        int[][] keySets = {{0}, {1}, {0, 1}};
        for (boolean unique : new boolean[] {false, true}) {
            List<Object[]> left = probeRows(random, 3000, 60);
            List<Object[]> right = buildRows(random, 200, 60, unique);
            for (boolean junk : new boolean[] {false, true}) {
                TestingCatalog catalog = new TestingCatalog();
                TableScan probe = OperatorTest.table(catalog, "l", COLUMNS, left, 1000, junk);
                TableScan build = OperatorTest.table(catalog, "r", COLUMNS, right, 64, junk);
                for (int[] keys : keySets) {
                    List<Integer> keyList = Arrays.stream(keys).boxed().toList();
                    for (JoinType type : JoinType.values()) {
                        if (type == JoinType.MARK && keys.length > 1) {
                            continue;
                        }
                        for (boolean withFilter : new boolean[] {false, true}) {
                            HashJoin join = new HashJoin(type, probe, build, keyList, keyList, withFilter ? Optional.of(FILTER) : Optional.empty(),
                                    output(type, "l_", "r_"), -1);
                            String context = type + " keys=" + Arrays.toString(keys) + " filter=" + withFilter + " unique=" + unique + " junk=" + junk;
                            assertEquals(reference(type, left, right, keys, withFilter, true), actual(join, catalog, type), context);
                        }
                    }
                }
            }
        }
    }

    /**
     * Filtered joins over long hash chains (few keys, many duplicates, NULLs): SEMI/ANTI/MARK walk the chains in
     * rounds and stop at a probe row's first match; a filter on build columns only is applied to build rows once.
     */
    @Test
    void hashJoinFilterPaths()
    {
        Random random = new Random(17);
        try {
            for (RowExpression expression : List.of(FILTER, BUILD_FILTER)) {
                currentFilter = expression;
                for (int keyRange : new int[] {3, 40, 300}) {
                    List<Object[]> left = probeRows(random, 1500, keyRange);
                    List<Object[]> right = buildRows(random, 600, keyRange, false);
                    TestingCatalog catalog = new TestingCatalog();
                    TableScan probe = OperatorTest.table(catalog, "l", COLUMNS, left, 1500, true);
                    TableScan build = OperatorTest.table(catalog, "r", COLUMNS, right, 700, true);
                    for (JoinType type : JoinType.values()) {
                        HashJoin join = new HashJoin(type, probe, build, List.of(0), List.of(0), Optional.of(expression), output(type, "l_", "r_"), -1);
                        String context = type + " keyRange=" + keyRange + " filter=" + expression;
                        assertEquals(reference(type, left, right, new int[] {0}, true, true), actual(join, catalog, type), context);
                    }
                }
            }
        }
        finally {
            currentFilter = FILTER;
        }
    }

    /**
     * RIGHT_SEMI/RIGHT_ANTI over many small probe batches and long chains: build rows matched by an early batch are
     * unlinked from their chains, later batches must still see the unmatched ones.
     */
    @Test
    void rightSemiAntiAcrossProbeBatches()
    {
        Random random = new Random(23);
        try {
            for (RowExpression expression : List.of(FILTER, BUILD_FILTER)) {
                currentFilter = expression;
                for (int keyRange : new int[] {2, 7, 500}) {
                    List<Object[]> left = probeRows(random, 2000, keyRange);
                    List<Object[]> right = buildRows(random, 300, keyRange, false);
                    TestingCatalog catalog = new TestingCatalog();
                    TableScan probe = OperatorTest.table(catalog, "l", COLUMNS, left, 37, true);
                    TableScan build = OperatorTest.table(catalog, "r", COLUMNS, right, 50, true);
                    for (JoinType type : List.of(JoinType.RIGHT_SEMI, JoinType.RIGHT_ANTI)) {
                        for (boolean withFilter : new boolean[] {false, true}) {
                            HashJoin join = new HashJoin(type, probe, build, List.of(0), List.of(0), withFilter ? Optional.of(expression) : Optional.empty(),
                                    output(type, "l_", "r_"), -1);
                            String context = type + " keyRange=" + keyRange + " filter=" + (withFilter ? expression : "none");
                            List<String> expected = reference(type, left, right, new int[] {0}, withFilter, true);
                            assertEquals(expected, actual(join, catalog, type), context);
                        }
                    }
                }
            }
        }
        finally {
            currentFilter = FILTER;
        }
    }

    /**
     * SINGLE (correlated scalar subquery): LEFT output while every probe row matches at most once, 21000 as soon as
     * one matches twice; with unique build keys, with a filter that leaves at most one match, and with duplicates.
     */
    @Test
    void singleJoinMatchesAtMostOnceOrFails()
    {
        Random random = new Random(29);
        RowExpression keysEqual = new Call(Function.EQUAL, List.of(new InputReference(4, BIGINT), new InputReference(0, BIGINT)), DataTypes.BOOLEAN);
        int outcomes = 0;
        int errors = 0;
        for (boolean unique : new boolean[] {true, false}) {
            for (int keyRange : new int[] {400, 4000}) {
                List<Object[]> left = probeRows(random, 2500, keyRange);
                List<Object[]> right = buildRows(random, 150, keyRange, unique);
                TestingCatalog catalog = new TestingCatalog();
                TableScan probe = OperatorTest.table(catalog, "l", COLUMNS, left, 700, true);
                TableScan build = OperatorTest.table(catalog, "r", COLUMNS, right, 40, true);
                for (boolean withFilter : new boolean[] {false, true}) {
                    HashJoin join = new HashJoin(JoinType.SINGLE, probe, build, List.of(0), List.of(0), withFilter ? Optional.of(FILTER) : Optional.empty(),
                            output(JoinType.SINGLE, "l_", "r_"), -1);
                    List<String> expected = reference(JoinType.SINGLE, left, right, new int[] {0}, withFilter, true);
                    assertEquals(expected, actual(join, catalog, JoinType.SINGLE), "unique=" + unique + " keyRange=" + keyRange + " filter=" + withFilter);
                    NestedLoopJoin loop = new NestedLoopJoin(JoinType.SINGLE, probe, build, Optional.of(keysEqual), output(JoinType.SINGLE, "l_", "r_"), -1);
                    List<String> expectedLoop = referenceWith(left, right);
                    assertEquals(expectedLoop, actual(loop, catalog, JoinType.SINGLE), "nested loop unique=" + unique + " keyRange=" + keyRange);
                    outcomes += expected.equals(List.of(CARDINALITY_ERROR)) ? 0 : 1;
                    errors += expected.equals(List.of(CARDINALITY_ERROR)) ? 1 : 0;
                }
            }
        }
        // both outcomes were exercised
        assertEquals(true, outcomes > 0 && errors > 0, "outcomes=" + outcomes + " errors=" + errors);
    }

    /** SINGLE reference for the nested-loop condition {@code build.k = probe.k}. */
    private static List<String> referenceWith(List<Object[]> left, List<Object[]> right)
    {
        List<String> result = new ArrayList<>();
        for (Object[] l : left) {
            Object[] match = null;
            for (Object[] r : right) {
                if (l[0] != null && l[0].equals(r[0])) {
                    if (match != null) {
                        return List.of(CARDINALITY_ERROR);
                    }
                    match = r;
                }
            }
            result.add(Arrays.toString(l) + Arrays.toString(match == null ? new Object[4] : match));
        }
        result.sort(null);
        return result;
    }

    @Test
    void hashJoinWithEmptyBuild()
    {
        Random random = new Random(5);
        List<Object[]> left = probeRows(random, 100, 10);
        TestingCatalog catalog = new TestingCatalog();
        TableScan probe = OperatorTest.table(catalog, "l", COLUMNS, left, 30, false);
        TableScan build = OperatorTest.table(catalog, "r", COLUMNS, List.of(), 30, false);
        for (JoinType type : JoinType.values()) {
            HashJoin join = new HashJoin(type, probe, build, List.of(0), List.of(0), Optional.empty(), output(type, "l_", "r_"), -1);
            assertEquals(reference(type, left, List.of(), new int[] {0}, false, true), actual(join, catalog, type), type.toString());
        }
    }

    @Test
    void nestedLoopJoinAllTypes()
    {
        Random random = new Random(13);
        List<Object[]> left = probeRows(random, 300, 20);
        List<Object[]> right = buildRows(random, 70, 20, false);
        for (boolean emptyRight : new boolean[] {false, true}) {
            List<Object[]> rightRows = emptyRight ? List.of() : right;
            TestingCatalog catalog = new TestingCatalog();
            TableScan probe = OperatorTest.table(catalog, "l", COLUMNS, left, 100, true);
            TableScan build = OperatorTest.table(catalog, "r", COLUMNS, rightRows, 16, false);
            for (JoinType type : JoinType.values()) {
                for (boolean withFilter : new boolean[] {false, true}) {
                    NestedLoopJoin join = new NestedLoopJoin(type, probe, build, withFilter ? Optional.of(FILTER) : Optional.empty(), output(type, "l_", "r_"), -1);
                    assertEquals(reference(type, left, rightRows, new int[0], withFilter, false), actual(join, catalog, type),
                            type + " filter=" + withFilter + " empty=" + emptyRight);
                }
            }
        }
    }
}
