package dev.basalt.execution;

import dev.basalt.execution.expression.InputColumns;
import dev.basalt.execution.memory.QueryMemory;
import dev.basalt.execution.operator.EmptyOperator;
import dev.basalt.execution.operator.FilterOperator;
import dev.basalt.execution.operator.GatherOperator;
import dev.basalt.execution.operator.HashAggregateOperator;
import dev.basalt.execution.operator.HashJoinOperator;
import dev.basalt.execution.operator.LimitOperator;
import dev.basalt.execution.operator.Operator;
import dev.basalt.execution.operator.OperatorContext;
import dev.basalt.execution.operator.ParallelAggregateOperator;
import dev.basalt.execution.operator.ParallelPipelines;
import dev.basalt.execution.operator.ParallelScope;
import dev.basalt.execution.operator.ProjectOperator;
import dev.basalt.execution.operator.SortOperator;
import dev.basalt.execution.operator.TableScanOperator;
import dev.basalt.execution.operator.TopNOperator;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.Limit;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.TopN;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSplit;
import dev.basalt.spi.catalog.Table;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a query runs on several threads. A <em>splittable</em> pipeline is a chain of streaming operators (Filter,
 * Project, the probe side of a HashJoin whose build can be shared) over one TableScan; it runs as one copy per
 * {@link ScanSplit}, each on its own worker with its own operator instances, feeding a pipeline breaker:
 * <ul>
 *   <li>HashAggregate: per-worker partial aggregation and a merge ({@link ParallelAggregateOperator}); when
 *       every aggregate is COUNT/SUM/AVG/MIN/MAX(DISTINCT x) of one x, a parallel grouping by (keys, x) and the
 *       aggregation without DISTINCT over it; with another aggregate that cannot merge, a single aggregation over
 *       a {@link GatherOperator};</li>
 *   <li>TopN: a TopN per worker, gathered into a final TopN; Sort: gathered, then sorted;</li>
 *   <li>the build side of a HashJoin: gathered into the (single) build;</li>
 *   <li>the query's result, when the pipeline is the root (below LIMITs only): gathered.</li>
 * </ul>
 * The hash tables a splittable pipeline probes are built once, before the workers start, and shared read-only.
 * Everything else runs on the query thread, and so does everything when {@code threads} is 1 or the table is
 * small.
 */
final class ParallelPlans
{
    private ParallelPlans() {}

    /** The parallel form of {@code plan}, or empty when it runs single-threaded. */
    static Optional<Operator> tryBuild(PhysicalPlan plan, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        if (context.threads() < 2) {
            return Optional.empty();
        }
        return switch (plan) {
            case HashAggregate aggregate -> {
                int splits = splits(aggregate.source(), context);
                if (splits < 2) {
                    yield Optional.empty();
                }
                if (HashAggregateOperator.mergeable(aggregate)) {
                    yield Optional.of(parallelAggregate(aggregate, splits, context, memory, sequence));
                }
                Optional<HashAggregate> distinctValues = distinctValues(aggregate);
                if (distinctValues.isPresent()) {
                    HashAggregate outer = overDistinctValues(aggregate, distinctValues.get());
                    Operator values = parallelAggregate(distinctValues.get(), splits, context, memory, sequence);
                    yield Optional.of(PlanExecutor.withSource(name(aggregate, sequence), memory, values,
                            (operatorContext, source) -> new HashAggregateOperator(operatorContext, outer, source)));
                }
                Operator gather = gather(aggregate.source(), splits, context, memory, sequence, null);
                yield Optional.of(PlanExecutor.withSource(name(aggregate, sequence), memory, gather,
                        (operatorContext, source) -> new HashAggregateOperator(operatorContext, aggregate, source)));
            }
            case TopN topN -> {
                int splits = splits(topN.source(), context);
                if (splits < 2) {
                    yield Optional.empty();
                }
                Operator gather = gather(topN.source(), splits, context, memory, sequence, topN);
                yield Optional.of(PlanExecutor.withSource(name(topN, sequence), memory, gather,
                        (operatorContext, source) -> new TopNOperator(operatorContext, topN, source)));
            }
            case Sort sort -> {
                int splits = splits(sort.source(), context);
                if (splits < 2) {
                    yield Optional.empty();
                }
                Operator gather = gather(sort.source(), splits, context, memory, sequence, null);
                yield Optional.of(PlanExecutor.withSource(name(sort, sequence), memory, gather,
                        (operatorContext, source) -> new SortOperator(operatorContext, sort, source)));
            }
            default -> Optional.empty();
        };
    }

    /**
     * The root of a query: a splittable pipeline with no pipeline breaker above it (a plain SELECT, possibly under
     * LIMITs) is gathered from parallel workers when its table is large; everything else is built as usual. Under a
     * LIMIT the gather's bounded queue stops the workers after a few batches each once the limit stops pulling,
     * and closing the query stops them for good.
     */
    static Operator buildRoot(PhysicalPlan plan, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        if (plan instanceof Limit limit && !rowsWithoutFilter(limit.source())) {
            String name = name(limit, sequence);
            Operator source = buildRoot(limit.source(), context, memory, sequence);
            return PlanProfile.wrap(memory.profile(), limit, PlanExecutor.withSource(name, memory, source,
                    (operatorContext, input) -> new LimitOperator(operatorContext, limit, input)));
        }
        if (plan instanceof Limit) {
            // LIMIT over an unfiltered scan: the first batches already satisfy it, workers would only read ahead
            return PlanExecutor.build(plan, context, memory, sequence);
        }
        return PlanExecutor.buildJoinInput(plan, context, memory, sequence);
    }

    /** Whether every scanned row reaches the output (no filter, no join), so a LIMIT needs no parallel reading. */
    private static boolean rowsWithoutFilter(PhysicalPlan plan)
    {
        return switch (plan) {
            case TableScan scan -> scan.predicates().isEmpty();
            case Project project -> rowsWithoutFilter(project.source());
            case Limit limit -> rowsWithoutFilter(limit.source());
            default -> false;
        };
    }

    /** The build input of a hash join, gathered from parallel workers when it is a large splittable pipeline. */
    static Optional<Operator> tryGather(PhysicalPlan plan, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        if (context.threads() < 2) {
            return Optional.empty();
        }
        int splits = splits(plan, context);
        if (splits < 2) {
            return Optional.empty();
        }
        return Optional.of(gather(plan, splits, context, memory, sequence, null));
    }

    /**
     * For an aggregation whose every aggregate is a plain COUNT/SUM/AVG/MIN/MAX(DISTINCT x) of the same x: the
     * grouping by (keys, x) that removes the duplicates in parallel (it has no aggregates, so it merges); the
     * aggregation proper then runs without DISTINCT over its (far fewer) rows. Keys come first, x last.
     */
    private static Optional<HashAggregate> distinctValues(HashAggregate aggregate)
    {
        if (aggregate.aggregates().isEmpty()) {
            return Optional.empty();
        }
        int argument = -1;
        for (AggregateCall call : aggregate.aggregates()) {
            boolean simple = switch (call.function()) {
                case COUNT, SUM, AVG, MIN, MAX -> true;
                default -> false;
            };
            if (!simple || !call.distinct() || call.arguments().size() != 1 || call.filter().isPresent() || !call.orderBy().isEmpty()
                    || !call.parameters().isEmpty() || (argument != -1 && argument != call.arguments().getFirst())) {
                return Optional.empty();
            }
            argument = call.arguments().getFirst();
        }
        List<Column> input = aggregate.source().outputColumns();
        List<Integer> keys = new ArrayList<>(aggregate.groupingKeys());
        keys.add(argument);
        List<Column> output = new ArrayList<>(keys.size());
        for (int key : keys) {
            output.add(input.get(key));
        }
        return Optional.of(new HashAggregate(aggregate.source(), keys, List.of(), output, -1));
    }

    /** {@code aggregate} over the rows of {@link #distinctValues}: the same keys and aggregates, without DISTINCT. */
    private static HashAggregate overDistinctValues(HashAggregate aggregate, HashAggregate values)
    {
        int keyCount = aggregate.groupingKeys().size();
        List<Integer> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            keys.add(i);
        }
        List<AggregateCall> calls = new ArrayList<>(aggregate.aggregates().size());
        for (AggregateCall call : aggregate.aggregates()) {
            calls.add(new AggregateCall(call.function(), List.of(keyCount), false, call.type()));
        }
        return new HashAggregate(values, keys, calls, aggregate.outputColumns(), aggregate.estimatedRows());
    }

    /** How many workers a splittable pipeline gets (1 when it is not splittable or its table is small). */
    static int splits(PhysicalPlan plan, ExecutionContext context)
    {
        TableScan scan = drivingScan(plan);
        if (scan == null || scan.spec().index().isPresent()) {
            // an index lookup reads few rows
            return 1;
        }
        Optional<Table> table = context.catalog().getTable(scan.table());
        if (table.isEmpty()) {
            return 1;
        }
        long rows = table.get().statistics().rowCount();
        return (int) Math.max(1, Math.min(context.threads(), rows / context.minRowsPerThread()));
    }

    /** The scan a splittable pipeline reads, or null when the plan is not splittable. */
    private static TableScan drivingScan(PhysicalPlan plan)
    {
        return switch (plan) {
            case TableScan scan -> scan;
            case Filter filter -> drivingScan(filter.source());
            case Project project -> drivingScan(project.source());
            case HashJoin join -> HashJoinOperator.shareableBuild(join.joinType()) ? drivingScan(join.probe()) : null;
            default -> null;
        };
    }

    private static String name(PhysicalPlan plan, int[] sequence)
    {
        return plan.getClass().getSimpleName() + "Operator#" + sequence[0]++;
    }

    private static Operator parallelAggregate(HashAggregate aggregate, int splits, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        ParallelScope scope = new ParallelScope(context.workers());
        ParallelPipelines pipelines = new ParallelPipelines();
        List<HashAggregateOperator> partials = new ArrayList<>(splits);
        try {
            Map<HashJoin, HashJoinOperator> builders = new IdentityHashMap<>();
            for (int split = 0; split < splits; split++) {
                Operator source = buildSplit(aggregate.source(), new ScanSplit(split, splits), scope, pipelines, builders, context, memory, sequence);
                Operator partial = PlanExecutor.withSource(name(aggregate, sequence), memory, source,
                        (operatorContext, input) -> new HashAggregateOperator(operatorContext, aggregate, input));
                partials.add((HashAggregateOperator) partial);
                pipelines.addPipeline(partial);
            }
            return new ParallelAggregateOperator(partials, pipelines, scope);
        }
        catch (RuntimeException e) {
            pipelines.close();
            throw e;
        }
    }

    /** Gathers the splits of a splittable pipeline, each topped by a TopN of {@code topN} when given. */
    private static Operator gather(PhysicalPlan plan, int splits, ExecutionContext context, QueryMemory memory, int[] sequence, TopN topN)
    {
        ParallelScope scope = new ParallelScope(context.workers());
        ParallelPipelines pipelines = new ParallelPipelines();
        try {
            Map<HashJoin, HashJoinOperator> builders = new IdentityHashMap<>();
            for (int split = 0; split < splits; split++) {
                Operator pipeline = buildSplit(plan, new ScanSplit(split, splits), scope, pipelines, builders, context, memory, sequence);
                if (topN != null) {
                    pipeline = PlanExecutor.withSource(name(topN, sequence), memory, pipeline,
                            (operatorContext, source) -> new TopNOperator(operatorContext, topN, source));
                }
                pipelines.addPipeline(pipeline);
            }
            OperatorContext operatorContext = new OperatorContext("GatherOperator#" + sequence[0]++, memory);
            return new GatherOperator(operatorContext, pipelines, scope);
        }
        catch (RuntimeException e) {
            pipelines.close();
            throw e;
        }
    }

    /** One split's copy of a splittable pipeline; the joins it probes share one builder per join node. */
    private static Operator buildSplit(PhysicalPlan plan, ScanSplit split, ParallelScope scope, ParallelPipelines pipelines,
            Map<HashJoin, HashJoinOperator> builders, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        Operator built = switch (plan) {
            case TableScan scan -> {
                Operator operator = PlanExecutor.withContext(name(scan, sequence), memory,
                        operatorContext -> new TableScanOperator(operatorContext, scan, context.catalog(), split, scope));
                pipelines.addScan((TableScanOperator) operator);
                yield operator;
            }
            case Filter filter -> PlanExecutor.withSource(name(filter, sequence), memory,
                    buildSplit(filter.source(), split, scope, pipelines, builders, context, memory, sequence),
                    (operatorContext, source) -> new FilterOperator(operatorContext, filter, source));
            case Project project -> {
                Operator source = project.source() instanceof HashJoin join
                        ? PlanProfile.wrap(memory.profile(), join, joinSplit(join, InputColumns.referenced(project.projections(), join.outputColumns().size()),
                                split, scope, pipelines, builders, context, memory, sequence))
                        : buildSplit(project.source(), split, scope, pipelines, builders, context, memory, sequence);
                yield PlanExecutor.withSource(name(project, sequence), memory, source,
                        (operatorContext, input) -> new ProjectOperator(operatorContext, project, input));
            }
            case HashJoin join -> joinSplit(join, null, split, scope, pipelines, builders, context, memory, sequence);
            default -> throw new IllegalStateException("not a splittable pipeline: " + plan.getClass().getSimpleName());
        };
        return PlanProfile.wrap(memory.profile(), plan, built);
    }

    private static Operator joinSplit(HashJoin join, boolean[] usedOutputs, ScanSplit split, ParallelScope scope, ParallelPipelines pipelines,
            Map<HashJoin, HashJoinOperator> builders, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        HashJoinOperator builder = builders.get(join);
        if (builder == null) {
            // built once on the query thread (its input may be parallel itself), probed by every split
            Operator buildInput = PlanExecutor.buildJoinInput(join.build(), context, memory, sequence);
            builder = (HashJoinOperator) PlanExecutor.withSource(name(join, sequence), memory, new EmptyOperator(),
                    (operatorContext, probe) -> new HashJoinOperator(operatorContext, join, probe, buildInput, usedOutputs), buildInput);
            builders.put(join, builder);
            pipelines.addBuilder(builder);
        }
        Operator probe = buildSplit(join.probe(), split, scope, pipelines, builders, context, memory, sequence);
        HashJoinOperator prober = (HashJoinOperator) PlanExecutor.withSource(name(join, sequence), memory, probe,
                (operatorContext, input) -> new HashJoinOperator(operatorContext, join, input, new EmptyOperator(), usedOutputs));
        pipelines.bind(prober, builder);
        return prober;
    }
}
