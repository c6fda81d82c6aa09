package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.WindowSpecification;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The window function calls of one query block (SELECT list and ORDER BY), bound over the FROM clause's symbols and
 * aggregate outputs; each gets an output symbol the expressions reference. Planned after aggregation / HAVING.
 */
final class WindowCollector
{
    record Order(RowExpression expression, boolean ascending, boolean nullsFirst)
    {
        Order
        {
            requireNonNull(expression, "expression is null");
        }
    }

    record Entry(WindowFunction function, Optional<AggregateFunction> aggregate, List<RowExpression> arguments, boolean distinct,
            boolean ignoreNulls, List<RowExpression> partitionBy, List<Order> orderBy, WindowFrame frame, Symbol output)
    {
        Entry
        {
            arguments = List.copyOf(arguments);
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }

        /** This entry with every expression rewritten (onto the aggregation's outputs). */
        Entry rewrite(UnaryOperator<RowExpression> rewriter)
        {
            List<Order> orders = new ArrayList<>();
            for (Order order : orderBy) {
                orders.add(new Order(rewriter.apply(order.expression()), order.ascending(), order.nullsFirst()));
            }
            return new Entry(function, aggregate, arguments.stream().map(rewriter).toList(), distinct, ignoreNulls,
                    partitionBy.stream().map(rewriter).toList(), orders, frame, output);
        }
    }

    private final Map<String, WindowSpecification> definitions;
    private final List<Entry> entries = new ArrayList<>();

    WindowCollector(Map<String, WindowSpecification> definitions)
    {
        this.definitions = Map.copyOf(requireNonNull(definitions, "definitions is null"));
    }

    Optional<WindowSpecification> definition(String name)
    {
        return Optional.ofNullable(definitions.get(name));
    }

    Symbol add(Entry entry)
    {
        entries.add(entry);
        return entry.output();
    }

    List<Entry> entries()
    {
        return entries;
    }
}
