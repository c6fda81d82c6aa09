package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Aggregation;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Ordering;
import dev.basalt.planner.logical.Output;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.TopN;
import dev.basalt.planner.logical.Values;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes every column nobody reads, top-down from the output: unused projections and aggregates, scan columns
 * (a scan reads only what is needed; at least one, the narrowest, to keep the row count) and VALUES columns.
 * Join inputs that would carry unneeded columns through the join get a narrowing projection.
 */
public final class PruneColumns implements Rule
{
    @Override
    public LogicalPlan apply(LogicalPlan plan, RuleContext context)
    {
        return prune(plan, Expressions.ids(plan.outputs()));
    }

    private LogicalPlan prune(LogicalPlan plan, Set<Integer> required)
    {
        return switch (plan) {
            case Output output -> output.withSources(List.of(prune(output.source(), Expressions.ids(output.columns()))));
            case Project project -> {
                List<Symbol> outputs = new ArrayList<>();
                List<RowExpression> expressions = new ArrayList<>();
                Set<Integer> needed = new HashSet<>();
                for (int i = 0; i < project.outputs().size(); i++) {
                    if (required.contains(project.outputs().get(i).id())) {
                        outputs.add(project.outputs().get(i));
                        expressions.add(project.expressions().get(i));
                        needed.addAll(Expressions.symbolIds(project.expressions().get(i)));
                    }
                }
                LogicalPlan source = prune(project.source(), needed);
                if (outputs.isEmpty()) {
                    // nothing read from this projection: only its row count matters
                    yield source;
                }
                if (outputs.size() == project.outputs().size() && source == project.source()) {
                    yield project;
                }
                yield new Project(source, outputs, expressions);
            }
            case Filter filter -> {
                Set<Integer> needed = new HashSet<>(required);
                needed.addAll(Expressions.symbolIds(filter.predicate()));
                yield filter.withSources(List.of(prune(filter.source(), needed)));
            }
            case Aggregate aggregate -> {
                List<Aggregation> aggregations = new ArrayList<>();
                Set<Integer> needed = new HashSet<>(Expressions.ids(aggregate.groupingKeys()));
                for (Aggregation aggregation : aggregate.aggregations()) {
                    if (required.contains(aggregation.output().id())) {
                        aggregations.add(aggregation);
                        needed.addAll(Expressions.ids(aggregation.inputs()));
                    }
                }
                LogicalPlan source = prune(aggregate.source(), needed);
                if (aggregations.size() == aggregate.aggregations().size() && source == aggregate.source()) {
                    yield aggregate;
                }
                yield new Aggregate(source, aggregate.groupingKeys(), aggregations);
            }
            case Join join -> {
                Set<Integer> needed = new HashSet<>(required);
                join.condition().ifPresent(condition -> needed.addAll(Expressions.symbolIds(condition)));
                LogicalPlan left = narrow(prune(join.left(), needed), needed);
                LogicalPlan right = narrow(prune(join.right(), needed), needed);
                yield join.withSources(List.of(left, right));
            }
            case Sort sort -> {
                Set<Integer> needed = new HashSet<>(required);
                for (Ordering ordering : sort.orderings()) {
                    needed.add(ordering.symbol().id());
                }
                yield sort.withSources(List.of(prune(sort.source(), needed)));
            }
            case TopN topN -> {
                Set<Integer> needed = new HashSet<>(required);
                for (Ordering ordering : topN.orderings()) {
                    needed.add(ordering.symbol().id());
                }
                yield topN.withSources(List.of(prune(topN.source(), needed)));
            }
            case Limit limit -> limit.withSources(List.of(prune(limit.source(), required)));
            case dev.basalt.planner.logical.EnforceSingleRow enforce -> enforce.withSources(List.of(prune(enforce.source(), required)));
            case dev.basalt.planner.logical.RecursiveUnion union -> union.withSources(List.of(
                    narrow(prune(union.anchor(), Expressions.ids(union.anchorSymbols())), Expressions.ids(union.anchorSymbols())),
                    narrow(prune(union.step(), Expressions.ids(union.stepSymbols())), Expressions.ids(union.stepSymbols()))));
            case dev.basalt.planner.logical.WorkTableScan scan -> scan;
            case dev.basalt.planner.logical.SeriesScan series -> series;
            // decorrelated before pruning; left whole if a rule was disabled
            case dev.basalt.planner.logical.Apply apply -> apply;
            case dev.basalt.planner.logical.Window window -> {
                List<dev.basalt.planner.logical.Window.Function> functions = new ArrayList<>();
                Set<Integer> needed = new HashSet<>(required);
                needed.addAll(Expressions.ids(window.partitionBy()));
                for (Ordering ordering : window.orderBy()) {
                    needed.add(ordering.symbol().id());
                }
                for (dev.basalt.planner.logical.Window.Function function : window.functions()) {
                    if (required.contains(function.output().id())) {
                        functions.add(function);
                        needed.addAll(Expressions.ids(function.arguments()));
                    }
                }
                LogicalPlan source = prune(window.source(), needed);
                if (functions.isEmpty()) {
                    yield source;
                }
                yield functions.size() == window.functions().size() && source == window.source() ? window
                        : new dev.basalt.planner.logical.Window(source, window.partitionBy(), window.orderBy(), functions);
            }
            case dev.basalt.planner.logical.SetOperation setOperation -> {
                // every column takes part in duplicate elimination / matching: keep them all
                List<LogicalPlan> inputs = new ArrayList<>();
                for (int i = 0; i < setOperation.inputs().size(); i++) {
                    inputs.add(narrow(prune(setOperation.inputs().get(i), Expressions.ids(setOperation.inputSymbols().get(i))),
                            Expressions.ids(setOperation.inputSymbols().get(i))));
                }
                yield setOperation.withSources(inputs);
            }
            case Scan scan -> pruneScan(scan, required);
            case Values values -> pruneValues(values, required);
        };
    }

    /** Only the needed symbols of a join input, so the join does not copy unused columns. */
    private static LogicalPlan narrow(LogicalPlan input, Set<Integer> needed)
    {
        List<Symbol> kept = new ArrayList<>();
        for (Symbol symbol : input.outputs()) {
            if (needed.contains(symbol.id()) && !kept.contains(symbol)) {
                kept.add(symbol);
            }
        }
        if (kept.isEmpty() || kept.size() == input.outputs().size()) {
            return input;
        }
        return Project.identity(input, kept);
    }

    private static LogicalPlan pruneScan(Scan scan, Set<Integer> required)
    {
        List<Integer> columns = new ArrayList<>();
        List<Symbol> outputs = new ArrayList<>();
        for (int i = 0; i < scan.outputs().size(); i++) {
            if (required.contains(scan.outputs().get(i).id())) {
                columns.add(scan.columns().get(i));
                outputs.add(scan.outputs().get(i));
            }
        }
        if (outputs.isEmpty() && !scan.outputs().isEmpty()) {
            int narrowest = 0;
            for (int i = 1; i < scan.outputs().size(); i++) {
                if (width(scan.outputs().get(i).type()) < width(scan.outputs().get(narrowest).type())) {
                    narrowest = i;
                }
            }
            columns.add(scan.columns().get(narrowest));
            outputs.add(scan.outputs().get(narrowest));
        }
        if (outputs.size() == scan.outputs().size()) {
            return scan;
        }
        return new Scan(scan.schema(), columns, outputs, scan.predicates(), scan.statistics(), scan.index());
    }

    /** Bytes per value, roughly, to pick the cheapest column to read. */
    private static int width(DataType type)
    {
        return switch (type) {
            case BooleanType b -> 1;
            case SmallintType s -> 2;
            case IntegerType i -> 4;
            case RealType r -> 4;
            case DateType d -> 4;
            case DecimalType d -> d.isShort() ? 8 : 16;
            case VarcharType v -> 16;
            case IntervalType i -> 16;
            default -> 8;
        };
    }

    private static LogicalPlan pruneValues(Values values, Set<Integer> required)
    {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < values.outputs().size(); i++) {
            if (required.contains(values.outputs().get(i).id())) {
                kept.add(i);
            }
        }
        if (kept.size() == values.outputs().size()) {
            return values;
        }
        List<Symbol> outputs = new ArrayList<>();
        for (int index : kept) {
            outputs.add(values.outputs().get(index));
        }
        List<List<RowExpression>> rows = new ArrayList<>();
        for (List<RowExpression> row : values.rows()) {
            List<RowExpression> newRow = new ArrayList<>();
            for (int index : kept) {
                newRow.add(row.get(index));
            }
            rows.add(newRow);
        }
        return new Values(outputs, rows);
    }
}
