package dev.basalt.execution.operator;

import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
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
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.Limit;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.TopN;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parallel plans give what {@code threads = 1} gives: the same multiset of rows (the same list under ORDER BY),
 * the same error, and no leaked memory, over a table of many "row groups" (batches) so every worker has splits.
 */
class ParallelExecutionTest
{
    private static final ExecutorService POOL = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("test-worker-", 0).factory());
    private static final int THREADS = 3;
    private static final DataType BIGINT = DataTypes.BIGINT;
    private static final DataType VARCHAR = DataTypes.VARCHAR;
    private static final DataType INTEGER = DataTypes.INTEGER;
    private static final DecimalType PRICE = DecimalType.of(15, 2);
    private static final DecimalType WIDE = DecimalType.of(30, 2);
    private static final List<Column> FACT = List.of(new Column("id", BIGINT), new Column("flag", VARCHAR), new Column("qty", PRICE),
            new Column("n", INTEGER), new Column("x", DataTypes.DOUBLE), new Column("k", BIGINT), new Column("w", WIDE));
    private static final List<Column> DIM = List.of(new Column("dk", BIGINT), new Column("name", VARCHAR), new Column("v", BIGINT));
    private static final int FACT_ROWS = 12_000;

    @AfterAll
    static void shutdown()
    {
        POOL.shutdownNow();
    }

    private static TestingCatalog catalog(boolean uniqueDim)
    {
        return catalog(uniqueDim, FACT_ROWS, 400);
    }

    /** {@code factRows} rows in batches of {@code batchSize} ("row groups"), with junk rows and selection vectors. */
    private static TestingCatalog catalog(boolean uniqueDim, int factRows, int batchSize)
    {
        Random random = new Random(5);
        List<Object[]> fact = new ArrayList<>();
        for (int r = 0; r < factRows; r++) {
            fact.add(new Object[] {
                    (long) r,
                    random.nextInt(50) == 0 ? null : String.valueOf("ANR".charAt(random.nextInt(3))),
                    random.nextInt(20) == 0 ? null : BigDecimal.valueOf(random.nextInt(5000), 2),
                    random.nextInt(20) == 0 ? null : random.nextInt(100),
                    // multiples of 1/8: double sums are exact in any order
                    random.nextInt(20) == 0 ? null : (double) random.nextInt(1000) / 8,
                    random.nextInt(30) == 0 ? null : (long) random.nextInt(300),
                    random.nextInt(10) == 0 ? null : new BigDecimal("12345678901234567890.25").multiply(BigDecimal.valueOf(random.nextInt(7) - 3)),
            });
        }
        List<Object[]> dim = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            long key = uniqueDim ? r : r % 250;
            dim.add(new Object[] {random.nextInt(40) == 0 && !uniqueDim ? null : key, "d" + random.nextInt(30), (long) random.nextInt(factRows)});
        }
        TestingCatalog catalog = new TestingCatalog();
        OperatorTest.table(catalog, "f", FACT, fact, batchSize, true);
        OperatorTest.table(catalog, "d", DIM, dim, 50, false);
        return catalog;
    }

    private static TableScan scan(TestingCatalog catalog, String name)
    {
        List<Column> columns = name.equals("f") ? FACT : DIM;
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ordinals.add(i);
        }
        return new TableScan(name, ordinals, List.of(), columns, catalog.getTable(name).orElseThrow().statistics().rowCount());
    }

    /** Runs with one thread or {@link #THREADS}; rows as strings, sorted unless {@code ordered}; an error as its SQLSTATE. */
    private static List<String> run(PhysicalPlan plan, TestingCatalog catalog, int threads, boolean ordered)
    {
        try (RootAllocator root = new RootAllocator(Long.MAX_VALUE)) {
            List<String> result = new ArrayList<>();
            try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                ExecutionContext context = threads == 1 ? new ExecutionContext(query, catalog) : new ExecutionContext(query, catalog, threads, POOL, 1);
                try {
                    for (List<Object> row : QueryRunner.collect(plan, context)) {
                        result.add(Arrays.toString(row.toArray()));
                    }
                }
                catch (BasaltException e) {
                    result = new ArrayList<>(List.of("ERROR " + e.sqlState()));
                }
                assertEquals(0, query.getAllocatedMemory(), "query allocator not empty");
            }
            assertEquals(0, root.getAllocatedMemory(), "root allocator not empty");
            if (!ordered) {
                result.sort(null);
            }
            return result;
        }
    }

    private static void assertSameAsSingleThreaded(PhysicalPlan plan, TestingCatalog catalog, boolean ordered, String context)
    {
        List<String> expected = run(plan, catalog, 1, ordered);
        assertEquals(expected, run(plan, catalog, THREADS, ordered), context);
    }

    private static void assertRanInSplits(TestingCatalog catalog, String table)
    {
        assertEquals(THREADS, ((TestingTable) catalog.getTable(table).orElseThrow()).lastSpec().split().count(), "the scan of " + table + " was split");
    }

    private static List<Column> aggregateOutput(List<Column> keys, List<AggregateCall> calls)
    {
        List<Column> output = new ArrayList<>(keys);
        for (int i = 0; i < calls.size(); i++) {
            output.add(new Column("a" + i, calls.get(i).type()));
        }
        return output;
    }

    private static final List<AggregateCall> MERGEABLE = List.of(
            new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT),
            new AggregateCall(AggregateFunction.COUNT, List.of(2), false, BIGINT),
            new AggregateCall(AggregateFunction.SUM, List.of(2), false, DecimalType.of(38, 2)),
            new AggregateCall(AggregateFunction.AVG, List.of(2), false, DataTypes.DOUBLE),
            new AggregateCall(AggregateFunction.SUM, List.of(3), false, BIGINT),
            new AggregateCall(AggregateFunction.AVG, List.of(3), false, DataTypes.DOUBLE),
            new AggregateCall(AggregateFunction.MIN, List.of(3), false, INTEGER),
            new AggregateCall(AggregateFunction.MAX, List.of(4), false, DataTypes.DOUBLE),
            new AggregateCall(AggregateFunction.SUM, List.of(4), false, DataTypes.DOUBLE),
            new AggregateCall(AggregateFunction.MIN, List.of(1), false, VARCHAR),
            new AggregateCall(AggregateFunction.MAX, List.of(2), false, PRICE),
            new AggregateCall(AggregateFunction.SUM, List.of(6), false, DecimalType.of(38, 2)),
            new AggregateCall(AggregateFunction.MAX, List.of(6), false, WIDE),
            new AggregateCall(AggregateFunction.SUM, List.of(0), false, DecimalType.of(38, 0)));

    @Test
    void aggregationsMergePartialStates()
    {
        TestingCatalog catalog = catalog(false);
        TableScan fact = scan(catalog, "f");
        List<Column> keys = List.of(new Column("flag", VARCHAR), new Column("k", BIGINT));
        HashAggregate grouped = new HashAggregate(fact, List.of(1, 5), MERGEABLE, aggregateOutput(keys, MERGEABLE), -1);
        assertSameAsSingleThreaded(grouped, catalog, false, "grouped");
        assertRanInSplits(catalog, "f");
        HashAggregate few = new HashAggregate(fact, List.of(1), MERGEABLE, aggregateOutput(keys.subList(0, 1), MERGEABLE), -1);
        assertSameAsSingleThreaded(few, catalog, false, "few groups");
        HashAggregate global = new HashAggregate(fact, List.of(), MERGEABLE, aggregateOutput(List.of(), MERGEABLE), -1);
        assertSameAsSingleThreaded(global, catalog, false, "global");
        // no input rows: a global aggregate still returns its one row, a grouped one none
        Filter none = new Filter(fact, new Constant(false, DataTypes.BOOLEAN), -1);
        assertEquals(1, run(new HashAggregate(none, List.of(), MERGEABLE, aggregateOutput(List.of(), MERGEABLE), -1), catalog, THREADS, false).size());
        assertEquals(0, run(new HashAggregate(none, List.of(1), MERGEABLE, aggregateOutput(keys.subList(0, 1), MERGEABLE), -1), catalog, THREADS, false).size());
        // keys only (DISTINCT / GROUP BY without aggregates)
        assertSameAsSingleThreaded(new HashAggregate(fact, List.of(5, 1), List.of(), List.of(keys.get(1), keys.get(0)), -1), catalog, false, "keys only");
    }

    @Test
    void distinctAggregatesRunOverAGather()
    {
        TestingCatalog catalog = catalog(false);
        TableScan fact = scan(catalog, "f");
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT, List.of(3), true, BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(3), true, BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(2), false, DecimalType.of(38, 2)),
                new AggregateCall(AggregateFunction.COUNT, List.of(2), true, BIGINT));
        assertSameAsSingleThreaded(new HashAggregate(fact, List.of(1), calls, aggregateOutput(List.of(new Column("flag", VARCHAR)), calls), -1), catalog, false, "distinct");
        assertRanInSplits(catalog, "f");
        assertSameAsSingleThreaded(new HashAggregate(fact, List.of(), calls, aggregateOutput(List.of(), calls), -1), catalog, false, "global distinct");
    }

    @Test
    void distinctAggregatesOfOneArgumentDeduplicateInParallel()
    {
        TestingCatalog catalog = catalog(false);
        TableScan fact = scan(catalog, "f");
        for (int argument : new int[] {3, 2, 1, 6}) {
            DataType type = FACT.get(argument).type();
            List<AggregateCall> calls = new ArrayList<>(List.of(
                    new AggregateCall(AggregateFunction.COUNT, List.of(argument), true, BIGINT),
                    new AggregateCall(AggregateFunction.MIN, List.of(argument), true, type),
                    new AggregateCall(AggregateFunction.MAX, List.of(argument), true, type)));
            if (argument != 1) {
                calls.add(new AggregateCall(AggregateFunction.SUM, List.of(argument), true, argument == 3 ? BIGINT : DecimalType.of(38, 2)));
                calls.add(new AggregateCall(AggregateFunction.AVG, List.of(argument), true, DataTypes.DOUBLE));
            }
            String context = "distinct of column " + argument;
            assertSameAsSingleThreaded(new HashAggregate(fact, List.of(1), calls, aggregateOutput(List.of(new Column("flag", VARCHAR)), calls), -1), catalog, false, context);
            assertRanInSplits(catalog, "f");
            assertSameAsSingleThreaded(new HashAggregate(fact, List.of(5, 1), calls, aggregateOutput(List.of(new Column("k", BIGINT), new Column("flag", VARCHAR)), calls), -1),
                    catalog, false, context + " two keys");
            assertSameAsSingleThreaded(new HashAggregate(fact, List.of(), calls, aggregateOutput(List.of(), calls), -1), catalog, false, context + " global");
            // the argument is also a key
            assertSameAsSingleThreaded(new HashAggregate(fact, List.of(argument), calls, aggregateOutput(List.of(FACT.get(argument)), calls), -1),
                    catalog, false, context + " argument is the key");
            // no input rows: a global aggregate still returns one row (count 0, the others null), a grouped one none
            Filter none = new Filter(fact, new Constant(false, DataTypes.BOOLEAN), -1);
            assertSameAsSingleThreaded(new HashAggregate(none, List.of(), calls, aggregateOutput(List.of(), calls), -1), catalog, false, context + " empty");
            assertEquals(1, run(new HashAggregate(none, List.of(), calls, aggregateOutput(List.of(), calls), -1), catalog, THREADS, false).size());
            assertEquals(0, run(new HashAggregate(none, List.of(1), calls, aggregateOutput(List.of(new Column("flag", VARCHAR)), calls), -1), catalog, THREADS, false).size());
        }
    }

    @Test
    void mergeabilityByFunctionAgreesWithTheAccumulators()
    {
        try (RootAllocator allocator = new RootAllocator(Long.MAX_VALUE)) {
            for (AggregateFunction function : AggregateFunction.values()) {
                List<DataType> inputs = switch (function) {
                    case COUNT_STAR -> List.of();
                    case BOOL_AND, BOOL_OR -> List.of(DataTypes.BOOLEAN);
                    case STRING_AGG -> List.of(VARCHAR);
                    case ARG_MIN, ARG_MAX, COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT, REGR_R2, REGR_AVGX, REGR_AVGY, REGR_SXX, REGR_SYY,
                            REGR_SXY -> List.of(BIGINT, BIGINT);
                    default -> List.of(BIGINT);
                };
                DataType result = switch (function) {
                    case COUNT_STAR, COUNT, BIT_AND, BIT_OR, BIT_XOR, MIN, MAX, ARG_MIN, ARG_MAX, ANY_VALUE, FIRST, LAST, MODE, QUANTILE_DISC -> BIGINT;
                    case SUM -> DecimalType.of(38, 0);
                    case BOOL_AND, BOOL_OR -> DataTypes.BOOLEAN;
                    case STRING_AGG -> VARCHAR;
                    default -> DataTypes.DOUBLE;
                };
                List<Object> parameters = switch (function) {
                    case QUANTILE_CONT, QUANTILE_DISC -> List.of(0.5, false);
                    case STRING_AGG -> List.of(",");
                    default -> List.of();
                };
                List<Integer> arguments = inputs.size() == 2 ? List.of(0, 1) : inputs.isEmpty() ? List.of() : List.of(0);
                AggregateCall call = new AggregateCall(function, arguments, false, result, Optional.empty(), List.of(), parameters);
                dev.basalt.execution.aggregate.Accumulator accumulator = dev.basalt.execution.aggregate.Accumulators.create(call, inputs, List.of(), allocator);
                try {
                    assertEquals(accumulator.mergeable(), HashAggregateOperator.mergeable(call), function.name());
                }
                finally {
                    accumulator.close();
                }
                if (function.orderSensitive()) {
                    AggregateCall ordered = new AggregateCall(function, arguments, false, result, Optional.empty(), List.of(new SortKey(0, true, true)), parameters);
                    assertTrue(!HashAggregateOperator.mergeable(ordered), function + " ORDER BY");
                }
                assertTrue(!HashAggregateOperator.mergeable(new AggregateCall(function, arguments, true, result, Optional.empty(), List.of(), parameters)), function + " DISTINCT");
            }
        }
    }

    private static List<Column> joinOutput(JoinType type)
    {
        List<Column> columns = new ArrayList<>();
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            return DIM;
        }
        columns.addAll(FACT);
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return columns;
        }
        if (type == JoinType.MARK) {
            columns.add(new Column("mark", DataTypes.BOOLEAN));
            return columns;
        }
        columns.addAll(DIM);
        return columns;
    }

    @Test
    void joinsOfEveryType()
    {
        // f.id < d.v over probe ++ build columns (d.v is below the fact row count)
        RowExpression filter = new Call(Function.LESS_THAN, List.of(new InputReference(0, BIGINT), new InputReference(FACT.size() + 2, BIGINT)), DataTypes.BOOLEAN);
        for (boolean uniqueDim : new boolean[] {false, true}) {
            TestingCatalog catalog = catalog(uniqueDim, 2000, 100);
            TableScan fact = scan(catalog, "f");
            TableScan dim = scan(catalog, "d");
            for (JoinType type : JoinType.values()) {
                for (boolean withFilter : new boolean[] {false, true}) {
                    HashJoin join = new HashJoin(type, fact, dim, List.of(5), List.of(0), withFilter ? Optional.of(filter) : Optional.empty(), joinOutput(type), -1);
                    String context = type + " filter=" + withFilter + " uniqueDim=" + uniqueDim;
                    // all rows, through a gathering sort, and counted through a parallel aggregation
                    assertSameAsSingleThreaded(new Sort(join, List.of(new SortKey(0, true, true))), catalog, false, context);
                    List<AggregateCall> count = List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT),
                            new AggregateCall(AggregateFunction.MAX, List.of(1), false, VARCHAR));
                    assertSameAsSingleThreaded(new HashAggregate(join, List.of(0), count, aggregateOutput(List.of(joinOutput(type).get(0)), count), -1),
                            catalog, false, context + " aggregated");
                }
            }
        }
    }

    @Test
    void joinPipelinesAndParallelBuilds()
    {
        TestingCatalog catalog = catalog(true);
        TableScan fact = scan(catalog, "f");
        TableScan dim = scan(catalog, "d");
        // the probe pipeline: filter, join, project, join again; both joins' builds shared by the workers
        Filter cheap = new Filter(fact, new Call(Function.LESS_THAN, List.of(new InputReference(3, INTEGER), new Constant(60, INTEGER)), DataTypes.BOOLEAN), -1);
        HashJoin first = new HashJoin(JoinType.INNER, cheap, dim, List.of(5), List.of(0), Optional.empty(), joinOutput(JoinType.INNER), -1);
        Project project = new Project(first, List.of(new InputReference(0, BIGINT), new InputReference(1, VARCHAR), new InputReference(9, BIGINT),
                new InputReference(8, VARCHAR)), List.of(new Column("id", BIGINT), new Column("flag", VARCHAR), new Column("v", BIGINT), new Column("name", VARCHAR)));
        List<Column> secondOutput = new ArrayList<>(project.outputColumns());
        secondOutput.addAll(DIM);
        HashJoin second = new HashJoin(JoinType.LEFT, project, dim, List.of(2), List.of(2), Optional.empty(), secondOutput, -1);
        List<AggregateCall> calls = List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(0), false, DecimalType.of(38, 0)),
                new AggregateCall(AggregateFunction.COUNT, List.of(4), false, BIGINT));
        assertSameAsSingleThreaded(new HashAggregate(second, List.of(3), calls, aggregateOutput(List.of(new Column("name", VARCHAR)), calls), -1),
                catalog, false, "two joins");
        assertRanInSplits(catalog, "f");
        // the build side is the big pipeline: gathered from the workers into one build
        HashJoin bigBuild = new HashJoin(JoinType.INNER, dim, cheap, List.of(0), List.of(5), Optional.empty(), concat(DIM, FACT), -1);
        assertSameAsSingleThreaded(new Sort(bigBuild, List.of(new SortKey(3, true, true))), catalog, false, "parallel build");
    }

    private static List<Column> concat(List<Column> left, List<Column> right)
    {
        List<Column> columns = new ArrayList<>(left);
        columns.addAll(right);
        return columns;
    }

    @Test
    void orderByKeepsItsOrder()
    {
        TestingCatalog catalog = catalog(false);
        TableScan fact = scan(catalog, "f");
        // by x then the unique id: a total order
        List<SortKey> keys = List.of(new SortKey(4, false, true), new SortKey(0, true, false));
        List<String> sorted = run(new Sort(fact, keys), catalog, THREADS, true);
        assertEquals(run(new Sort(fact, keys), catalog, 1, true), sorted);
        assertEquals(FACT_ROWS, sorted.size());
        assertSameAsSingleThreaded(new TopN(fact, keys, 37), catalog, true, "top n");
        assertSameAsSingleThreaded(new Limit(new Sort(fact, keys), 5, 10), catalog, true, "order by limit");
        assertSameAsSingleThreaded(new TopN(new Filter(fact, new Constant(false, DataTypes.BOOLEAN), -1), keys, 3), catalog, true, "empty top n");
    }

    @Test
    void workerErrorsReachTheCallerWithTheirSqlState()
    {
        TestingCatalog catalog = catalog(false);
        TableScan fact = scan(catalog, "f");
        // 1 / (id - 9500): division by zero in one row of one split only
        RowExpression failing = new Call(Function.GREATER_THAN, List.of(
                new Call(Function.DIVIDE, List.of(new Constant(1L, BIGINT), new Call(Function.SUBTRACT, List.of(new InputReference(0, BIGINT), new Constant(9_500L, BIGINT)), BIGINT)), BIGINT),
                new Constant(5L, BIGINT)), DataTypes.BOOLEAN);
        Filter filter = new Filter(fact, failing, -1);
        List<AggregateCall> count = List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT));
        List<String> expected = List.of("ERROR " + ErrorCode.DIVISION_BY_ZERO.sqlState());
        assertEquals(expected, run(new HashAggregate(filter, List.of(), count, aggregateOutput(List.of(), count), -1), catalog, THREADS, false));
        assertEquals(expected, run(new HashAggregate(filter, List.of(5), count, aggregateOutput(List.of(new Column("k", BIGINT)), count), -1), catalog, THREADS, false));
        assertEquals(expected, run(new Sort(filter, List.of(new SortKey(0, true, true))), catalog, THREADS, true));
        assertEquals(expected, run(new TopN(filter, List.of(new SortKey(0, true, true)), 4), catalog, THREADS, true));
        HashJoin failingBuild = new HashJoin(JoinType.INNER, scan(catalog, "d"), filter, List.of(0), List.of(5), Optional.empty(), concat(DIM, FACT), -1);
        assertEquals(expected, run(new Sort(failingBuild, List.of(new SortKey(0, true, true))), catalog, THREADS, true));
        // SINGLE's "more than one row" from a probe worker
        HashJoin single = new HashJoin(JoinType.SINGLE, fact, scan(catalog, "d"), List.of(5), List.of(0), Optional.empty(), joinOutput(JoinType.SINGLE), -1);
        assertEquals(List.of("ERROR " + ErrorCode.CARDINALITY_VIOLATION.sqlState()), run(new Sort(single, List.of(new SortKey(0, true, true))), catalog, THREADS, true));
    }

    @Test
    void closingEarlyStopsTheWorkersAndFreesEverything()
    {
        TestingCatalog catalog = catalog(true);
        TableScan fact = scan(catalog, "f");
        HashJoin join = new HashJoin(JoinType.INNER, scan(catalog, "d"), fact, List.of(0), List.of(5), Optional.empty(), concat(DIM, FACT), -1);
        List<AggregateCall> count = List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT));
        List<PhysicalPlan> plans = List.of(new Sort(fact, List.of(new SortKey(0, true, true))), new Sort(join, List.of(new SortKey(0, true, true))),
                new HashAggregate(fact, List.of(0), count, aggregateOutput(List.of(new Column("id", BIGINT)), count), -1));
        for (PhysicalPlan plan : plans) {
            for (int read = 0; read < 3; read++) {
                try (RootAllocator root = new RootAllocator(Long.MAX_VALUE)) {
                    try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                        ExecutionContext context = new ExecutionContext(query, catalog, THREADS, POOL, 1);
                        try (CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, context)) {
                            for (int i = 0; i < read && batches.hasNext(); i++) {
                                batches.next().close();
                            }
                        }
                        assertEquals(0, query.getAllocatedMemory(), "query allocator not empty");
                    }
                }
            }
        }
        // a memory limit hit inside workers: 53200, nothing leaked
        try (RootAllocator root = new RootAllocator(Long.MAX_VALUE)) {
            try (BufferAllocator query = root.newChildAllocator("query", 0, 256 * 1024)) {
                BasaltException e = assertThrows(BasaltException.class,
                        () -> QueryRunner.collect(new Sort(fact, List.of(new SortKey(0, true, true))), new ExecutionContext(query, catalog, THREADS, POOL, 1)));
                assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
                assertEquals(0, query.getAllocatedMemory());
            }
        }
    }

    @Test
    void plainPipelinesAtTheRootAreGathered()
    {
        TestingCatalog catalog = catalog(true);
        TableScan fact = scan(catalog, "f");
        Filter filter = new Filter(fact, new Call(Function.LESS_THAN, List.of(new InputReference(3, INTEGER), new Constant(30, INTEGER)), DataTypes.BOOLEAN), -1);
        assertSameAsSingleThreaded(filter, catalog, false, "root filter");
        assertRanInSplits(catalog, "f");
        assertSameAsSingleThreaded(fact, catalog, false, "root scan");
        assertRanInSplits(catalog, "f");
        Project project = new Project(filter, List.of(new InputReference(1, VARCHAR), new InputReference(0, BIGINT)), List.of(new Column("flag", VARCHAR), new Column("id", BIGINT)));
        assertSameAsSingleThreaded(project, catalog, false, "root project");
        HashJoin join = new HashJoin(JoinType.INNER, filter, scan(catalog, "d"), List.of(5), List.of(0), Optional.empty(), joinOutput(JoinType.INNER), -1);
        assertSameAsSingleThreaded(join, catalog, false, "root join");
        assertRanInSplits(catalog, "f");

        // LIMIT (and OFFSET) over a gathered pipeline: as many rows, each one of the unlimited result
        List<String> all = run(filter, catalog, 1, false);
        for (long[] limit : new long[][] {{5, 0}, {3, 4000}, {700, 10}, {0, 0}, {1_000_000, 0}}) {
            Limit limited = new Limit(filter, limit[0], limit[1]);
            List<String> parallel = run(limited, catalog, THREADS, false);
            assertEquals(run(limited, catalog, 1, false).size(), parallel.size(), "limit " + Arrays.toString(limit));
            assertTrue(all.containsAll(parallel), "limit " + Arrays.toString(limit));
        }
        assertEquals(all, run(new Limit(filter, 1_000_000, 0), catalog, THREADS, false));
        assertRanInSplits(catalog, "f");
        // LIMIT over an unfiltered scan: the first batches satisfy it, no workers
        assertEquals(5, run(new Limit(fact, 5, 0), catalog, THREADS, false).size());
        assertEquals(1, ((TestingTable) catalog.getTable("f").orElseThrow()).lastSpec().split().count());

        // a worker's error at the root, and under a LIMIT that is not reached first
        RowExpression failing = new Call(Function.GREATER_THAN, List.of(
                new Call(Function.DIVIDE, List.of(new Constant(1L, BIGINT), new Call(Function.SUBTRACT, List.of(new InputReference(0, BIGINT), new Constant(9_500L, BIGINT)), BIGINT)), BIGINT),
                new Constant(5L, BIGINT)), DataTypes.BOOLEAN);
        List<String> expected = List.of("ERROR " + ErrorCode.DIVISION_BY_ZERO.sqlState());
        assertEquals(expected, run(new Filter(fact, failing, -1), catalog, THREADS, false));
        assertEquals(expected, run(new Limit(new Filter(fact, failing, -1), 1_000_000, 0), catalog, THREADS, false));

        // closing after a few batches, or once a LIMIT is done while workers still run: nothing leaked
        for (PhysicalPlan plan : List.of(filter, join, new Limit(filter, 1, 0))) {
            for (int read = 0; read < 3; read++) {
                try (RootAllocator root = new RootAllocator(Long.MAX_VALUE)) {
                    try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                        ExecutionContext context = new ExecutionContext(query, catalog, THREADS, POOL, 1);
                        try (CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, context)) {
                            for (int i = 0; i < read && batches.hasNext(); i++) {
                                batches.next().close();
                            }
                        }
                        assertEquals(0, query.getAllocatedMemory(), "query allocator not empty");
                    }
                }
            }
        }
    }

    @Test
    void smallTablesStayOnTheCallingThread()
    {
        TestingCatalog catalog = catalog(false);
        TableScan fact = scan(catalog, "f");
        List<AggregateCall> count = List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, BIGINT));
        try (RootAllocator root = new RootAllocator(Long.MAX_VALUE)) {
            // 12,000 rows at the default minimum rows per thread: one thread, the whole table in one scan
            ExecutionContext context = new ExecutionContext(root, catalog, THREADS, POOL);
            assertEquals(List.of(List.of((Object) (long) FACT_ROWS)), QueryRunner.collect(new HashAggregate(fact, List.of(), count, aggregateOutput(List.of(), count), -1), context));
            assertEquals(1, ((TestingTable) catalog.getTable("f").orElseThrow()).lastSpec().split().count());
            assertTrue(root.getAllocatedMemory() == 0);
        }
    }
}
