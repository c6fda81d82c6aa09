package dev.basalt.planner.physical;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.ExpressionPrinter;
import dev.basalt.planner.logical.PredicateFormatter;
import dev.basalt.planner.plan.AggregateCall;
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
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.TopN;
import dev.basalt.planner.plan.Values;
import dev.basalt.planner.plan.Window;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFunctionCall;
import dev.basalt.planner.plan.WorkTableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * EXPLAIN text: one node per line, children indented by two spaces. A line is the node's class name with its
 * parameters in brackets, then the estimated row count, e.g.
 * {@code HashJoin[INNER, probe=[0], build=[1]] rows=150000}. Expressions name input columns by position
 * ({@code #2}); a Project shows {@code name := expression} per output column.
 */
public final class ExplainPrinter
{
    private ExplainPrinter() {}

    public static String explain(PhysicalPlan plan)
    {
        return explain(plan, node -> "");
    }

    /** As {@link #explain(PhysicalPlan)}, each line followed by {@code annotation} of its node (EXPLAIN ANALYZE's actuals). */
    public static String explain(PhysicalPlan plan, Function<PhysicalPlan, String> annotation)
    {
        StringBuilder out = new StringBuilder();
        print(plan, 0, out, annotation);
        return out.toString();
    }

    private static void print(PhysicalPlan plan, int indent, StringBuilder out, Function<PhysicalPlan, String> annotation)
    {
        out.append("  ".repeat(indent)).append(plan.getClass().getSimpleName()).append('[').append(parameters(plan)).append(']');
        if (plan.estimatedRows() >= 0) {
            out.append(" rows=").append(plan.estimatedRows());
        }
        out.append(annotation.apply(plan));
        out.append('\n');
        for (PhysicalPlan child : plan.children()) {
            print(child, indent + 1, out, annotation);
        }
    }

    private static String parameters(PhysicalPlan plan)
    {
        return switch (plan) {
            case TableScan scan -> {
                List<String> names = new ArrayList<>();
                for (Column column : scan.outputColumns()) {
                    names.add(column.name());
                }
                List<String> predicates = scanPredicates(scan, scan.predicates());
                String index = scan.index()
                        .map(lookup -> ", index=" + lookup.indexName() + " (" + String.join(" AND ", scanPredicates(scan, lookup.keyPredicates())) + ")")
                        .orElse("");
                yield scan.table() + ", columns=" + names + (predicates.isEmpty() ? "" : ", predicates=" + predicates) + index;
            }
            case Values values -> "rows=" + values.rows().size() + ", columns=" + values.outputColumns().size();
            case Filter filter -> expression(filter.predicate());
            case Project project -> {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < project.projections().size(); i++) {
                    items.add(project.outputColumns().get(i).name() + " := " + expression(project.projections().get(i)));
                }
                yield String.join(", ", items);
            }
            case HashAggregate aggregate -> {
                List<String> calls = new ArrayList<>();
                for (AggregateCall call : aggregate.aggregates()) {
                    calls.add(aggregateCall(call));
                }
                yield "keys=" + aggregate.groupingKeys() + ", aggregates=[" + String.join(", ", calls) + "]";
            }
            case HashJoin join -> join.joinType() + ", probe=" + join.probeKeys() + ", build=" + join.buildKeys()
                    + join.filter().map(filter -> ", filter=" + expression(filter)).orElse("");
            case NestedLoopJoin join -> join.joinType() + join.condition().map(condition -> ", condition=" + expression(condition)).orElse("");
            case Sort sort -> sortKeys(sort.keys());
            case TopN topN -> "count=" + topN.count() + ", " + sortKeys(topN.keys());
            case Limit limit -> "count=" + (limit.count() == Long.MAX_VALUE ? "ALL" : limit.count()) + (limit.offset() > 0 ? ", offset=" + limit.offset() : "");
            case SetOperation setOperation -> setOperation.type() + (setOperation.all() ? " ALL" : "");
            case EnforceSingleRow enforce -> "";
            case Window window -> {
                List<String> calls = new ArrayList<>();
                for (WindowFunctionCall call : window.functions()) {
                    calls.add(windowCall(call));
                }
                yield "partitionBy=" + window.partitionBy() + (window.orderBy().isEmpty() ? "" : ", orderBy=[" + sortKeys(window.orderBy()) + "]")
                        + ", functions=[" + String.join(", ", calls) + "]";
            }
            case RecursiveUnion union -> union.workTable() + (union.all() ? ", ALL" : "");
            case WorkTableScan scan -> scan.workTable();
            case SeriesScan series -> seriesParameters(series);
        };
    }

    private static String seriesParameters(SeriesScan series)
    {
        String bound = series.inclusive() ? ", stop=" : ", end=";
        if (!series.timestamp()) {
            return "start=" + series.start() + bound + series.stop() + ", step=" + series.step();
        }
        return "start=" + timestamp(series.start()) + bound + timestamp(series.stop()) + ", step="
                + new dev.basalt.spi.value.Interval(series.stepMonths(), series.stepDays(), series.step());
    }

    private static String timestamp(long micros)
    {
        return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000,
                java.time.ZoneOffset.UTC).toString().replace('T', ' ');
    }

    private static List<String> scanPredicates(TableScan scan, List<ColumnPredicate> columnPredicates)
    {
        List<String> predicates = new ArrayList<>();
        for (ColumnPredicate predicate : columnPredicates) {
            predicates.add(PredicateFormatter.format(predicate,
                    ordinal -> {
                        int index = scan.columns().indexOf(ordinal);
                        return index < 0 ? "column" + ordinal : scan.outputColumns().get(index).name();
                    },
                    ordinal -> {
                        int index = scan.columns().indexOf(ordinal);
                        return index < 0 ? null : scan.outputColumns().get(index).type();
                    }));
        }
        return predicates;
    }

    private static String aggregateCall(AggregateCall call)
    {
        String name = call.function().name().toLowerCase(Locale.ROOT);
        List<String> arguments = new ArrayList<>();
        for (int argument : call.arguments()) {
            arguments.add("#" + argument);
        }
        for (Object parameter : call.parameters()) {
            arguments.add(String.valueOf(parameter));
        }
        String order = call.orderBy().isEmpty() ? "" : " ORDER BY " + sortKeys(call.orderBy());
        String filter = call.filter().map(column -> " FILTER (WHERE #" + column + ")").orElse("");
        return name + "(" + (call.distinct() ? "DISTINCT " : "") + String.join(", ", arguments) + order + ")" + filter;
    }

    private static String windowCall(WindowFunctionCall call)
    {
        String name = call.aggregate().map(aggregate -> aggregate.name()).orElse(call.function().name()).toLowerCase(Locale.ROOT);
        List<String> arguments = new ArrayList<>();
        for (int argument : call.arguments()) {
            arguments.add("#" + argument);
        }
        WindowFrame frame = call.frame();
        return name + "(" + (call.distinct() ? "DISTINCT " : "") + String.join(", ", arguments) + ")"
                + (call.ignoreNulls() ? " IGNORE NULLS" : "")
                + " " + frame.type() + " " + frameBound(frame.start()) + " TO " + frameBound(frame.end());
    }

    private static String frameBound(WindowFrame.FrameBound bound)
    {
        return bound.offset() == null ? bound.type().name() : bound.offset() + " " + bound.type();
    }

    private static String sortKeys(List<SortKey> keys)
    {
        List<String> items = new ArrayList<>();
        for (SortKey key : keys) {
            items.add("#" + key.column() + (key.ascending() ? " ASC" : " DESC") + (key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        return String.join(", ", items);
    }

    private static String expression(RowExpression expression)
    {
        return ExpressionPrinter.format(expression, index -> "#" + index);
    }
}
