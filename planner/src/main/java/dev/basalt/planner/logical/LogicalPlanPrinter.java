package dev.basalt.planner.logical;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.ColumnPredicate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An indented text rendering of a logical plan, one node per line (tests and debugging). */
public final class LogicalPlanPrinter
{
    private final Map<Integer, Symbol> symbols = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private LogicalPlanPrinter() {}

    public static String print(LogicalPlan plan)
    {
        LogicalPlanPrinter printer = new LogicalPlanPrinter();
        printer.collectSymbols(plan);
        printer.print(plan, 0);
        return printer.out.toString();
    }

    private void collectSymbols(LogicalPlan plan)
    {
        for (Symbol symbol : plan.outputs()) {
            symbols.put(symbol.id(), symbol);
        }
        for (LogicalPlan source : plan.sources()) {
            collectSymbols(source);
        }
    }

    private void print(LogicalPlan plan, int indent)
    {
        out.append("  ".repeat(indent)).append(label(plan)).append('\n');
        for (LogicalPlan source : plan.sources()) {
            print(source, indent + 1);
        }
    }

    private String label(LogicalPlan plan)
    {
        return switch (plan) {
            case Scan scan -> {
                List<String> predicates = new ArrayList<>();
                for (ColumnPredicate predicate : scan.predicates()) {
                    predicates.add(PredicateFormatter.format(predicate, ordinal -> scan.schema().column(ordinal).name(),
                            ordinal -> scan.schema().column(ordinal).type()));
                }
                String index = scan.index().map(lookup -> {
                    List<String> keys = new ArrayList<>();
                    for (ColumnPredicate key : lookup.keyPredicates()) {
                        keys.add(PredicateFormatter.format(key, ordinal -> scan.schema().column(ordinal).name(), ordinal -> scan.schema().column(ordinal).type()));
                    }
                    return ", index=" + lookup.indexName() + " (" + String.join(" AND ", keys) + ")";
                }).orElse("");
                yield "Scan[" + scan.table() + ", " + scan.outputs() + (predicates.isEmpty() ? "" : ", predicates=" + predicates) + index + "]";
            }
            case Values values -> "Values[" + values.outputs() + ", rows=" + values.rows().size() + "]";
            case Filter filter -> "Filter[" + format(filter.predicate()) + "]";
            case Project project -> {
                List<String> assignments = new ArrayList<>();
                for (int i = 0; i < project.outputs().size(); i++) {
                    assignments.add(project.outputs().get(i) + " := " + format(project.expressions().get(i)));
                }
                yield "Project[" + String.join(", ", assignments) + "]";
            }
            case Aggregate aggregate -> {
                List<String> aggregations = new ArrayList<>();
                for (Aggregation aggregation : aggregate.aggregations()) {
                    aggregations.add(aggregation.output() + " := " + aggregation.function().name().toLowerCase(Locale.ROOT) + "("
                            + (aggregation.distinct() ? "DISTINCT " : "") + joinSymbols(aggregation.arguments())
                            + (aggregation.parameters().isEmpty() ? "" : ", " + aggregation.parameters())
                            + (aggregation.orderBy().isEmpty() ? "" : " ORDER BY " + aggregation.orderBy()) + ")"
                            + aggregation.filter().map(filter -> " FILTER (WHERE " + filter + ")").orElse(""));
                }
                yield "Aggregate[keys=" + aggregate.groupingKeys() + (aggregations.isEmpty() ? "" : ", " + String.join(", ", aggregations)) + "]";
            }
            case Join join -> "Join[" + join.type() + join.condition().map(condition -> ", " + format(condition)).orElse("")
                    + join.mark().map(mark -> ", mark=" + mark).orElse("") + "]";
            case Sort sort -> "Sort[" + orderings(sort.orderings()) + "]";
            case TopN topN -> "TopN[" + topN.count() + ", " + orderings(topN.orderings()) + "]";
            case Limit limit -> "Limit[" + (limit.count() == Long.MAX_VALUE ? "ALL" : limit.count()) + (limit.offset() > 0 ? ", offset=" + limit.offset() : "") + "]";
            case EnforceSingleRow enforce -> "EnforceSingleRow";
            case Apply apply -> "Apply[" + apply.kind() + ", " + apply.joinType() + apply.comparison().map(comparison -> ", " + format(comparison)).orElse("")
                    + ", " + apply.output() + "]";
            case RecursiveUnion union -> "RecursiveUnion[" + union.workTable() + (union.all() ? " ALL" : "") + ", " + union.outputs() + "]";
            case WorkTableScan scan -> "WorkTableScan[" + scan.workTable() + ", " + scan.outputs() + "]";
            case SeriesScan series -> "SeriesScan[" + series.start() + ", " + series.stop() + ", step=" + series.step()
                    + (series.stepMonths() != 0 || series.stepDays() != 0 ? " months=" + series.stepMonths() + " days=" + series.stepDays() : "")
                    + (series.inclusive() ? ", inclusive" : "") + ", " + series.outputs() + "]";
            case Window window -> {
                List<String> functions = new ArrayList<>();
                for (Window.Function function : window.functions()) {
                    functions.add(function.output() + " := " + function.aggregate().map(Enum::name).orElse(function.function().name()).toLowerCase(java.util.Locale.ROOT)
                            + "(" + (function.distinct() ? "DISTINCT " : "") + joinSymbols(function.arguments()) + ") " + function.frame().type()
                            + " " + function.frame().start().type() + " " + function.frame().end().type());
                }
                yield "Window[partition=" + window.partitionBy() + ", order=" + orderings(window.orderBy()) + ", " + String.join(", ", functions) + "]";
            }
            case SetOperation setOperation -> "SetOperation[" + setOperation.type() + (setOperation.all() ? " ALL" : "") + ", " + setOperation.outputs()
                    + " := " + setOperation.inputSymbols() + "]";
            case Output output -> {
                List<String> columns = new ArrayList<>();
                for (int i = 0; i < output.columns().size(); i++) {
                    columns.add(output.names().get(i) + " := " + output.columns().get(i));
                }
                yield "Output[" + String.join(", ", columns) + "]";
            }
        };
    }

    private String format(RowExpression expression)
    {
        return ExpressionPrinter.format(expression, id -> {
            Symbol symbol = symbols.get(id);
            return symbol == null ? "?#" + id : symbol.toString();
        });
    }

    private static String joinSymbols(List<Symbol> symbols)
    {
        List<String> names = new ArrayList<>();
        for (Symbol symbol : symbols) {
            names.add(symbol.toString());
        }
        return String.join(", ", names);
    }

    private static String orderings(List<Ordering> orderings)
    {
        List<String> keys = new ArrayList<>();
        for (Ordering ordering : orderings) {
            keys.add(ordering.symbol() + (ordering.ascending() ? " ASC" : " DESC") + (ordering.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        return String.join(", ", keys);
    }
}
