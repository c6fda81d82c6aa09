package dev.basalt.planner.physical;

import dev.basalt.planner.analyzer.TypeCoercion;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Aggregation;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Ordering;
import dev.basalt.planner.logical.Output;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.TopN;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.Values;
import dev.basalt.planner.stats.StatsEstimator;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns an optimized logical plan into the {@code plan} records execution runs: symbols become positions,
 * inner joins with equalities become hash joins (building on the smaller estimated input, keys cast to one type
 * by a projection below when they differ), others nested-loop joins; estimated rows are filled in.
 */
public final class PhysicalPlanner
{
    private static final double SEMI_SWAP_FACTOR = 4;

    private final StatsEstimator stats;

    public PhysicalPlanner(StatsEstimator stats)
    {
        this.stats = requireNonNull(stats, "stats is null");
    }

    /** A physical plan and which symbol each of its output positions holds (null for internal columns). */
    private record Translated(PhysicalPlan plan, List<Symbol> layout)
    {
        int position(Symbol symbol)
        {
            return position(symbol.id());
        }

        int position(int symbolId)
        {
            for (int i = 0; i < layout.size(); i++) {
                if (layout.get(i) != null && layout.get(i).id() == symbolId) {
                    return i;
                }
            }
            throw new IllegalStateException("symbol #" + symbolId + " is not produced by " + plan.getClass().getSimpleName() + " " + layout);
        }

        boolean has(int symbolId)
        {
            for (Symbol symbol : layout) {
                if (symbol != null && symbol.id() == symbolId) {
                    return true;
                }
            }
            return false;
        }

        /** An expression over symbols rewritten over this plan's positions. */
        RowExpression translate(RowExpression expression)
        {
            return Expressions.rewrite(expression, node -> node instanceof InputReference reference
                    ? new InputReference(position(reference.index()), reference.type())
                    : null);
        }
    }

    public PhysicalPlan plan(LogicalPlan root)
    {
        return translate(root).plan();
    }

    private Translated translate(LogicalPlan node)
    {
        return switch (node) {
            case Scan scan -> {
                // storage appends the row id after the requested columns
                List<Integer> ordinals = new ArrayList<>();
                List<Column> columns = new ArrayList<>();
                List<Symbol> layout = new ArrayList<>();
                Symbol rowId = null;
                for (int i = 0; i < scan.outputs().size(); i++) {
                    Symbol symbol = scan.outputs().get(i);
                    int ordinal = scan.columns().get(i);
                    if (ordinal == Scan.ROW_ID) {
                        rowId = symbol;
                        continue;
                    }
                    ordinals.add(ordinal);
                    layout.add(symbol);
                    columns.add(new Column(symbol.name(), symbol.type(), scan.schema().column(ordinal).nullable()));
                }
                if (rowId != null) {
                    layout.add(rowId);
                    columns.add(new Column(rowId.name(), rowId.type(), false));
                }
                yield new Translated(new TableScan(scan.table(), ordinals, scan.predicates(), columns, rows(scan), rowId != null, scan.index()), layout);
            }
            case dev.basalt.planner.logical.Values values -> new Translated(new Values(columns(values.outputs()), values.rows()), values.outputs());
            case dev.basalt.planner.logical.Filter filter -> {
                Translated source = translate(filter.source());
                yield new Translated(new Filter(source.plan(), source.translate(filter.predicate()), rows(filter)), source.layout());
            }
            case dev.basalt.planner.logical.Project project -> {
                Translated source = translate(project.source());
                List<RowExpression> expressions = new ArrayList<>();
                for (RowExpression expression : project.expressions()) {
                    expressions.add(source.translate(expression));
                }
                yield new Translated(new Project(source.plan(), expressions, columns(project.outputs())), project.outputs());
            }
            case Aggregate aggregate -> aggregate(aggregate);
            case Join join -> join(join);
            case Sort sort -> {
                Translated source = translate(sort.source());
                yield new Translated(new dev.basalt.planner.plan.Sort(source.plan(), sortKeys(sort.orderings(), source)), source.layout());
            }
            case TopN topN -> {
                Translated source = translate(topN.source());
                yield new Translated(new dev.basalt.planner.plan.TopN(source.plan(), sortKeys(topN.orderings(), source), topN.count()), source.layout());
            }
            case Limit limit -> {
                Translated source = translate(limit.source());
                yield new Translated(new dev.basalt.planner.plan.Limit(source.plan(), limit.count(), limit.offset()), source.layout());
            }
            case dev.basalt.planner.logical.EnforceSingleRow enforce -> {
                Translated source = translate(enforce.source());
                yield new Translated(new dev.basalt.planner.plan.EnforceSingleRow(source.plan()), source.layout());
            }
            case dev.basalt.planner.logical.SetOperation setOperation -> {
                List<PhysicalPlan> inputs = new ArrayList<>();
                for (int i = 0; i < setOperation.inputs().size(); i++) {
                    Translated input = translate(setOperation.inputs().get(i));
                    List<Symbol> symbols = setOperation.inputSymbols().get(i);
                    List<RowExpression> projections = new ArrayList<>();
                    boolean identity = symbols.size() == input.layout().size();
                    for (int column = 0; column < symbols.size(); column++) {
                        int position = input.position(symbols.get(column));
                        identity &= position == column;
                        projections.add(new InputReference(position, symbols.get(column).type()));
                    }
                    inputs.add(identity ? input.plan() : new Project(input.plan(), projections, columns(setOperation.outputs())));
                }
                yield new Translated(new dev.basalt.planner.plan.SetOperation(setOperation.type(), setOperation.all(), inputs, columns(setOperation.outputs())),
                        setOperation.outputs());
            }
            case dev.basalt.planner.logical.Window window -> {
                Translated source = translate(window.source());
                List<Integer> partition = new ArrayList<>();
                for (Symbol symbol : window.partitionBy()) {
                    partition.add(source.position(symbol));
                }
                List<dev.basalt.planner.plan.WindowFunctionCall> calls = new ArrayList<>();
                List<Column> columns = new ArrayList<>(source.plan().outputColumns());
                List<Symbol> layout = new ArrayList<>(source.layout());
                for (dev.basalt.planner.logical.Window.Function function : window.functions()) {
                    List<Integer> arguments = new ArrayList<>();
                    for (Symbol argument : function.arguments()) {
                        arguments.add(source.position(argument));
                    }
                    calls.add(new dev.basalt.planner.plan.WindowFunctionCall(function.function(), function.aggregate(), arguments, function.distinct(),
                            function.ignoreNulls(), function.frame(), function.type()));
                    columns.add(new Column(function.output().name(), function.type()));
                    layout.add(function.output());
                }
                yield new Translated(new dev.basalt.planner.plan.Window(source.plan(), partition, sortKeys(window.orderBy(), source), calls, columns), layout);
            }
            case dev.basalt.planner.logical.RecursiveUnion union -> {
                PhysicalPlan anchor = positioned(translate(union.anchor()), union.anchorSymbols(), union.outputs());
                PhysicalPlan step = positioned(translate(union.step()), union.stepSymbols(), union.outputs());
                yield new Translated(new dev.basalt.planner.plan.RecursiveUnion(anchor, step, union.workTable(), union.all(), MAX_RECURSION,
                        columns(union.outputs())), union.outputs());
            }
            case dev.basalt.planner.logical.WorkTableScan scan ->
                    new Translated(new dev.basalt.planner.plan.WorkTableScan(scan.workTable(), columns(scan.outputs())), scan.outputs());
            case dev.basalt.planner.logical.SeriesScan series -> new Translated(new dev.basalt.planner.plan.SeriesScan(columns(series.outputs()), series.start(),
                    series.stop(), series.step(), series.stepMonths(), series.stepDays(), series.inclusive()), series.outputs());
            case dev.basalt.planner.logical.Apply apply -> throw new dev.basalt.spi.error.BasaltException(dev.basalt.spi.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                    "subqueries need the DecorrelateSubqueries rule", apply.location().line(), apply.location().column(), null);
            case Output output -> output(output);
        };
    }

    /** Iterations of a WITH RECURSIVE before it fails (a guard against runaway recursion). */
    private static final long MAX_RECURSION = 100_000;

    /** {@code input}'s {@code symbols}, in order, as the columns {@code outputs}. */
    private static PhysicalPlan positioned(Translated input, List<Symbol> symbols, List<Symbol> outputs)
    {
        List<RowExpression> projections = new ArrayList<>();
        boolean identity = symbols.size() == input.layout().size();
        for (int column = 0; column < symbols.size(); column++) {
            int position = input.position(symbols.get(column));
            identity &= position == column;
            projections.add(new InputReference(position, symbols.get(column).type()));
        }
        return identity ? input.plan() : new Project(input.plan(), projections, columns(outputs));
    }

    private long rows(LogicalPlan node)
    {
        return stats.estimate(node).rowCount();
    }

    private static List<Column> columns(List<Symbol> symbols)
    {
        List<Column> columns = new ArrayList<>(symbols.size());
        for (Symbol symbol : symbols) {
            columns.add(new Column(symbol.name(), symbol.type()));
        }
        return columns;
    }

    private static List<SortKey> sortKeys(List<Ordering> orderings, Translated source)
    {
        List<SortKey> keys = new ArrayList<>();
        for (Ordering ordering : orderings) {
            keys.add(new SortKey(source.position(ordering.symbol()), ordering.ascending(), ordering.nullsFirst()));
        }
        return keys;
    }

    private Translated aggregate(Aggregate aggregate)
    {
        Translated source = translate(aggregate.source());
        List<Integer> keys = new ArrayList<>();
        for (Symbol key : aggregate.groupingKeys()) {
            keys.add(source.position(key));
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (Aggregation aggregation : aggregate.aggregations()) {
            List<Integer> arguments = new ArrayList<>();
            for (Symbol argument : aggregation.arguments()) {
                arguments.add(source.position(argument));
            }
            List<dev.basalt.planner.plan.SortKey> orderBy = new ArrayList<>();
            for (Ordering ordering : aggregation.orderBy()) {
                orderBy.add(new dev.basalt.planner.plan.SortKey(source.position(ordering.symbol()), ordering.ascending(), ordering.nullsFirst()));
            }
            calls.add(new AggregateCall(aggregation.function(), arguments, aggregation.distinct(), aggregation.output().type(),
                    aggregation.filter().map(source::position), orderBy, aggregation.parameters()));
        }
        List<Symbol> outputs = aggregate.outputs();
        return new Translated(new HashAggregate(source.plan(), keys, calls, columns(outputs), rows(aggregate)), outputs);
    }

    // ---------------------------------------------------------------- joins

    private Translated join(Join join)
    {
        Translated left = translate(join.left());
        Translated right = translate(join.right());
        Set<Integer> leftIds = Expressions.ids(join.left().outputs());
        Set<Integer> rightIds = Expressions.ids(join.right().outputs());
        List<RowExpression> leftKeys = new ArrayList<>();
        List<RowExpression> rightKeys = new ArrayList<>();
        List<RowExpression> residual = new ArrayList<>();
        for (RowExpression conjunct : join.condition().map(Expressions::conjuncts).orElse(List.of())) {
            if (conjunct instanceof Call call && call.function() == Function.EQUAL) {
                RowExpression a = call.argument(0);
                RowExpression b = call.argument(1);
                Set<Integer> aIds = Expressions.symbolIds(a);
                Set<Integer> bIds = Expressions.symbolIds(b);
                Optional<DataType> keyType = TypeCoercion.commonSuperType(a.type(), b.type());
                if (!aIds.isEmpty() && !bIds.isEmpty() && keyType.isPresent()) {
                    if (leftIds.containsAll(aIds) && rightIds.containsAll(bIds)) {
                        leftKeys.add(TypeCoercion.coerce(a, keyType.get()));
                        rightKeys.add(TypeCoercion.coerce(b, keyType.get()));
                        continue;
                    }
                    if (rightIds.containsAll(aIds) && leftIds.containsAll(bIds)) {
                        leftKeys.add(TypeCoercion.coerce(b, keyType.get()));
                        rightKeys.add(TypeCoercion.coerce(a, keyType.get()));
                        continue;
                    }
                }
            }
            residual.add(conjunct);
        }
        long estimate = rows(join);
        // a hash MARK join makes "no match" unknown on any NULL key without consulting the residual filter, which is
        // wrong when the filter alone rules rows out (correlated IN): evaluate the whole condition per pair instead
        boolean markWithFilter = join.type() == JoinType.MARK && !residual.isEmpty();
        if (leftKeys.isEmpty() || markWithFilter) {
            Translated combined = combine(left, right);
            Optional<RowExpression> condition = join.condition().map(combined::translate);
            List<Symbol> layout = outputLayout(join, left.layout(), right.layout());
            NestedLoopJoin plan = new NestedLoopJoin(join.type(), left.plan(), right.plan(), condition, layoutColumns(join.type(), left, right, join.mark().orElse(null)), estimate);
            return new Translated(plan, layout);
        }
        KeyedInput leftInput = withKeys(left, leftKeys);
        KeyedInput rightInput = withKeys(right, rightKeys);
        // the smaller input is hashed; inner and outer joins may swap sides (LEFT <-> RIGHT), SEMI/ANTI/MARK may not
        // SEMI/ANTI swap to RIGHT_SEMI/RIGHT_ANTI (the build side is output), MARK may not swap
        boolean swappable = switch (join.type()) {
            case INNER, LEFT, RIGHT, FULL, SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> true;
            case MARK, SINGLE -> false;
        };
        // a semi/anti join swaps only when its left input is clearly the smaller: hashing it stores all its columns
        // (not just the keys) and an underestimate there (a HAVING filter, Q18) would hash the big side instead
        double swapFactor = join.type() == JoinType.SEMI || join.type() == JoinType.ANTI ? SEMI_SWAP_FACTOR : 1;
        boolean swap = swappable && stats.rows(join.right()) > swapFactor * stats.rows(join.left());
        KeyedInput probe = swap ? rightInput : leftInput;
        KeyedInput build = swap ? leftInput : rightInput;
        JoinType joinType = !swap ? join.type() : switch (join.type()) {
            case LEFT -> JoinType.RIGHT;
            case RIGHT -> JoinType.LEFT;
            case SEMI -> JoinType.RIGHT_SEMI;
            case ANTI -> JoinType.RIGHT_ANTI;
            case RIGHT_SEMI -> JoinType.SEMI;
            case RIGHT_ANTI -> JoinType.ANTI;
            case INNER, FULL, MARK, SINGLE -> join.type();
        };
        Translated combined = combine(probe.input(), build.input());
        Optional<RowExpression> filter = residual.isEmpty() ? Optional.empty() : Optional.of(combined.translate(Expressions.and(residual)));
        List<Symbol> layout = switch (joinType) {
            case INNER, LEFT, RIGHT, FULL, SINGLE -> combined.layout();
            case SEMI, ANTI -> probe.input().layout();
            case RIGHT_SEMI, RIGHT_ANTI -> build.input().layout();
            case MARK -> {
                List<Symbol> marked = new ArrayList<>(probe.input().layout());
                marked.add(join.mark().orElseThrow());
                yield marked;
            }
        };
        HashJoin plan = new HashJoin(joinType, probe.input().plan(), build.input().plan(), probe.keys(), build.keys(), filter,
                layoutColumns(joinType, probe.input(), build.input(), join.mark().orElse(null)), estimate);
        return new Translated(plan, layout);
    }

    /** A join input with its key columns (computed by a projection on top when a key is not a plain column). */
    private record KeyedInput(Translated input, List<Integer> keys) {}

    private static KeyedInput withKeys(Translated input, List<RowExpression> keys)
    {
        List<Integer> positions = new ArrayList<>();
        List<RowExpression> extra = new ArrayList<>();
        int width = input.layout().size();
        for (RowExpression key : keys) {
            if (key instanceof InputReference reference && input.has(reference.index())) {
                positions.add(input.position(reference.index()));
            }
            else {
                positions.add(width + extra.size());
                extra.add(input.translate(key));
            }
        }
        if (extra.isEmpty()) {
            return new KeyedInput(input, positions);
        }
        List<RowExpression> projections = new ArrayList<>();
        List<Column> columns = new ArrayList<>(input.plan().outputColumns());
        List<Symbol> layout = new ArrayList<>(input.layout());
        for (int i = 0; i < width; i++) {
            projections.add(new InputReference(i, input.plan().outputColumns().get(i).type()));
        }
        for (int i = 0; i < extra.size(); i++) {
            projections.add(extra.get(i));
            columns.add(new Column("join_key_" + i, extra.get(i).type()));
            layout.add(null);
        }
        return new KeyedInput(new Translated(new Project(input.plan(), projections, columns), layout), positions);
    }

    /** The layout of {@code first ++ second} (what a join condition is evaluated over). */
    private static Translated combine(Translated first, Translated second)
    {
        List<Symbol> layout = new ArrayList<>(first.layout());
        layout.addAll(second.layout());
        return new Translated(first.plan(), layout);
    }

    private static List<Symbol> outputLayout(Join join, List<Symbol> left, List<Symbol> right)
    {
        if (join.type() == JoinType.RIGHT_SEMI || join.type() == JoinType.RIGHT_ANTI) {
            return right;
        }
        List<Symbol> layout = new ArrayList<>(left);
        switch (join.type()) {
            case INNER, LEFT, RIGHT, FULL, SINGLE -> layout.addAll(right);
            case SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> { }
            case MARK -> layout.add(join.mark().orElseThrow());
        }
        return layout;
    }

    private static List<Column> layoutColumns(JoinType type, Translated first, Translated second, Symbol mark)
    {
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            return second.plan().outputColumns();
        }
        List<Column> columns = new ArrayList<>(nullable(first.plan().outputColumns(), type == JoinType.RIGHT || type == JoinType.FULL));
        switch (type) {
            case INNER, LEFT, RIGHT, FULL, SINGLE -> columns.addAll(nullable(second.plan().outputColumns(),
                    type == JoinType.LEFT || type == JoinType.FULL || type == JoinType.SINGLE));
            case SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> { }
            case MARK -> columns.add(new Column(mark == null ? "mark" : mark.name(), dev.basalt.spi.type.DataTypes.BOOLEAN));
        }
        return columns;
    }

    /** The columns of an outer join's null-supplying side: every one may be NULL. */
    private static List<Column> nullable(List<Column> columns, boolean nullSupplying)
    {
        if (!nullSupplying) {
            return columns;
        }
        List<Column> result = new ArrayList<>();
        for (Column column : columns) {
            result.add(new Column(column.name(), column.type(), true));
        }
        return result;
    }

    // ---------------------------------------------------------------- output

    /** The result columns, in order and named; reuses a projection on top instead of stacking another one. */
    private Translated output(Output output)
    {
        Translated source = translate(output.source());
        List<Integer> positions = new ArrayList<>();
        for (Symbol column : output.columns()) {
            positions.add(source.position(column));
        }
        List<Column> sourceColumns = source.plan().outputColumns();
        boolean identity = positions.size() == sourceColumns.size();
        for (int i = 0; identity && i < positions.size(); i++) {
            identity = positions.get(i) == i && sourceColumns.get(i).name().equals(output.names().get(i));
        }
        if (identity) {
            return new Translated(source.plan(), output.columns());
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            Column column = sourceColumns.get(positions.get(i));
            columns.add(new Column(output.names().get(i), column.type(), column.nullable()));
        }
        List<RowExpression> projections = new ArrayList<>();
        PhysicalPlan input = source.plan();
        if (input instanceof Project project) {
            for (int position : positions) {
                projections.add(project.projections().get(position));
            }
            input = project.source();
        }
        else {
            for (int position : positions) {
                projections.add(new InputReference(position, sourceColumns.get(position).type()));
            }
        }
        return new Translated(new Project(input, projections, columns), output.columns());
    }
}
