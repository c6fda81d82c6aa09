package dev.basalt.execution;

import dev.basalt.execution.expression.InputColumns;
import dev.basalt.execution.memory.QueryMemory;
import dev.basalt.execution.operator.EnforceSingleRowOperator;
import dev.basalt.execution.operator.FilterOperator;
import dev.basalt.execution.operator.HashAggregateOperator;
import dev.basalt.execution.operator.HashJoinOperator;
import dev.basalt.execution.operator.LimitOperator;
import dev.basalt.execution.operator.NestedLoopJoinOperator;
import dev.basalt.execution.operator.Operator;
import dev.basalt.execution.operator.OperatorContext;
import dev.basalt.execution.operator.ProjectOperator;
import dev.basalt.execution.operator.RecursiveUnionOperator;
import dev.basalt.execution.operator.SeriesScanOperator;
import dev.basalt.execution.operator.SetOperationOperator;
import dev.basalt.execution.operator.SortOperator;
import dev.basalt.execution.operator.TableScanOperator;
import dev.basalt.execution.operator.TopNOperator;
import dev.basalt.execution.operator.ValuesOperator;
import dev.basalt.execution.operator.WindowOperator;
import dev.basalt.execution.operator.WorkTableScanOperator;
import dev.basalt.planner.plan.EnforceSingleRow;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.Limit;
import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.RecursiveUnion;
import dev.basalt.planner.plan.SeriesScan;
import dev.basalt.planner.plan.SetOperation;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.TopN;
import dev.basalt.planner.plan.Values;
import dev.basalt.planner.plan.Window;
import dev.basalt.planner.plan.WorkTableScan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the execution module: turns a physical plan into a tree of operators and streams its result.
 * The caller owns (closes) every returned batch and the iterator; closing the iterator early releases all
 * operator memory. Batches may carry a selection vector. Returned batches are allocated from the context's
 * allocator, so they outlive the iterator (the operators' own allocators are closed with it).
 *
 * <p>Every failure surfaces as a {@link BasaltException}; exceeding the query allocator's limit (or the heap
 * budget derived from it) raises OUT_OF_MEMORY (53200).
 */
public final class PlanExecutor
{
    private PlanExecutor() {}

    public static CloseableIterator<ColumnBatch> execute(PhysicalPlan plan, ExecutionContext context)
    {
        return execute(plan, context, null);
    }

    /**
     * As {@link #execute(PhysicalPlan, ExecutionContext)}, counting each plan node's output rows and time in
     * {@code profile} (EXPLAIN ANALYZE; null for none). The counters are complete once the iterator is exhausted.
     */
    public static CloseableIterator<ColumnBatch> execute(PhysicalPlan plan, ExecutionContext context, PlanProfile profile)
    {
        QueryMemory memory = new QueryMemory(context.allocator(), profile);
        Operator root;
        try {
            root = ParallelPlans.buildRoot(plan, context, memory, new int[1]);
        }
        catch (RuntimeException e) {
            throw QueryIterator.translate(e, memory);
        }
        return new QueryIterator(root, memory);
    }

    /** Builds the operator tree bottom-up; on failure closes what was already built. */
    static Operator build(PhysicalPlan plan, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        return PlanProfile.wrap(memory.profile(), plan, buildUnprofiled(plan, context, memory, sequence));
    }

    private static Operator buildUnprofiled(PhysicalPlan plan, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        Optional<Operator> parallel = ParallelPlans.tryBuild(plan, context, memory, sequence);
        if (parallel.isPresent()) {
            return parallel.get();
        }
        String name = plan.getClass().getSimpleName() + "Operator#" + sequence[0]++;
        return switch (plan) {
            case TableScan scan -> withContext(name, memory, operatorContext -> new TableScanOperator(operatorContext, scan, context.catalog()));
            case Values values -> withContext(name, memory, operatorContext -> new ValuesOperator(operatorContext, values));
            case SeriesScan series -> withContext(name, memory, operatorContext -> new SeriesScanOperator(operatorContext, series));
            case Filter filter -> withSource(name, memory, build(filter.source(), context, memory, sequence),
                    (operatorContext, source) -> new FilterOperator(operatorContext, filter, source));
            case Project project -> withSource(name, memory, buildProjectSource(project, context, memory, sequence),
                    (operatorContext, source) -> new ProjectOperator(operatorContext, project, source));
            case HashAggregate aggregate -> withSource(name, memory, build(aggregate.source(), context, memory, sequence),
                    (operatorContext, source) -> new HashAggregateOperator(operatorContext, aggregate, source));
            case Sort sort -> withSource(name, memory, build(sort.source(), context, memory, sequence),
                    (operatorContext, source) -> new SortOperator(operatorContext, sort, source));
            case TopN topN -> withSource(name, memory, build(topN.source(), context, memory, sequence),
                    (operatorContext, source) -> new TopNOperator(operatorContext, topN, source));
            case Limit limit -> withSource(name, memory, build(limit.source(), context, memory, sequence),
                    (operatorContext, source) -> new LimitOperator(operatorContext, limit, source));
            case HashJoin join -> hashJoin(name, join, null, context, memory, sequence);
            case NestedLoopJoin join -> {
                Operator left = build(join.left(), context, memory, sequence);
                Operator right;
                try {
                    right = build(join.right(), context, memory, sequence);
                }
                catch (RuntimeException e) {
                    left.close();
                    throw e;
                }
                yield withSource(name, memory, left, (operatorContext, source) -> new NestedLoopJoinOperator(operatorContext, join, source, right), right);
            }
            case SetOperation setOperation -> {
                List<Operator> inputs = new ArrayList<>();
                try {
                    for (PhysicalPlan input : setOperation.inputs()) {
                        inputs.add(build(input, context, memory, sequence));
                    }
                }
                catch (RuntimeException e) {
                    inputs.forEach(Operator::close);
                    throw e;
                }
                yield withSource(name, memory, inputs.getFirst(),
                        (operatorContext, first) -> new SetOperationOperator(operatorContext, setOperation, inputs),
                        inputs.subList(1, inputs.size()).toArray(new Operator[0]));
            }
            case EnforceSingleRow enforce -> withSource(name, memory, build(enforce.source(), context, memory, sequence),
                    (operatorContext, source) -> new EnforceSingleRowOperator(operatorContext, enforce, source));
            case Window window -> withSource(name, memory, build(window.source(), context, memory, sequence),
                    (operatorContext, source) -> new WindowOperator(operatorContext, window, source));
            // the step is built per iteration, after the union registered its work table
            case RecursiveUnion union -> withSource(name, memory, build(union.anchor(), context, memory, sequence),
                    (operatorContext, anchor) -> new RecursiveUnionOperator(operatorContext, union, anchor,
                            () -> build(union.step(), context, memory, sequence)));
            case WorkTableScan scan -> withContext(name, memory,
                    operatorContext -> new WorkTableScanOperator(operatorContext, scan, memory.workTables().get(scan.workTable())));
        };
    }

    /** A join right below a projection gathers only the columns the projection reads. */
    private static Operator buildProjectSource(Project project, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        if (!(project.source() instanceof HashJoin join)) {
            return build(project.source(), context, memory, sequence);
        }
        String name = join.getClass().getSimpleName() + "Operator#" + sequence[0]++;
        boolean[] used = InputColumns.referenced(project.projections(), join.outputColumns().size());
        return PlanProfile.wrap(memory.profile(), join, hashJoin(name, join, used, context, memory, sequence));
    }

    private static Operator hashJoin(String name, HashJoin join, boolean[] usedOutputs, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        Operator probe = build(join.probe(), context, memory, sequence);
        Operator build;
        try {
            build = buildJoinInput(join.build(), context, memory, sequence);
        }
        catch (RuntimeException e) {
            probe.close();
            throw e;
        }
        return withSource(name, memory, probe, (operatorContext, left) -> new HashJoinOperator(operatorContext, join, left, build, usedOutputs), build);
    }

    /** A hash join's build input: gathered from parallel workers when it is a large splittable pipeline. */
    static Operator buildJoinInput(PhysicalPlan plan, ExecutionContext context, QueryMemory memory, int[] sequence)
    {
        Optional<Operator> gathered = ParallelPlans.tryGather(plan, context, memory, sequence);
        return gathered.isPresent() ? PlanProfile.wrap(memory.profile(), plan, gathered.get()) : build(plan, context, memory, sequence);
    }

    interface LeafFactory
    {
        Operator create(OperatorContext context);
    }

    interface UnaryFactory
    {
        Operator create(OperatorContext context, Operator source);
    }

    static Operator withContext(String name, QueryMemory memory, LeafFactory factory)
    {
        OperatorContext operatorContext = new OperatorContext(name, memory);
        try {
            return factory.create(operatorContext);
        }
        catch (RuntimeException e) {
            operatorContext.close();
            throw e;
        }
    }

    static Operator withSource(String name, QueryMemory memory, Operator source, UnaryFactory factory, Operator... others)
    {
        OperatorContext operatorContext = null;
        try {
            operatorContext = new OperatorContext(name, memory);
            return factory.create(operatorContext, source);
        }
        catch (RuntimeException e) {
            if (operatorContext != null) {
                operatorContext.close();
            }
            source.close();
            for (Operator other : others) {
                other.close();
            }
            throw e;
        }
    }
}
