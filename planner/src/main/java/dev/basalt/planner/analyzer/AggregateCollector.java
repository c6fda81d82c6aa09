package dev.basalt.planner.analyzer;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The aggregates of one query block, collected while binding its SELECT list, HAVING and ORDER BY. Each distinct
 * call gets one output symbol; the expressions that use it reference that symbol.
 */
final class AggregateCollector
{
    /**
     * One aggregate call; arguments, filter and ORDER BY keys are bound over the FROM clause's symbols;
     * parameters are constant arguments (see {@link dev.basalt.planner.plan.AggregateCall}).
     */
    record Entry(AggregateFunction function, List<RowExpression> arguments, boolean distinct, Optional<RowExpression> filter,
            List<WindowCollector.Order> orderBy, List<Object> parameters, Symbol output) {}

    private final SymbolAllocator symbols;
    private final List<Entry> entries = new ArrayList<>();

    /** A grouping(arguments) call: arguments are bound over the FROM clause's symbols. */
    record GroupingCall(List<RowExpression> arguments, Symbol output) {}

    private final List<GroupingCall> groupings = new ArrayList<>();

    Symbol addGrouping(List<RowExpression> arguments)
    {
        for (GroupingCall call : groupings) {
            if (call.arguments().equals(arguments)) {
                return call.output();
            }
        }
        Symbol output = symbols.newSymbol("grouping", dev.basalt.spi.type.DataTypes.INTEGER);
        groupings.add(new GroupingCall(List.copyOf(arguments), output));
        return output;
    }

    List<GroupingCall> groupings()
    {
        return groupings;
    }

    AggregateCollector(SymbolAllocator symbols)
    {
        this.symbols = symbols;
    }

    Symbol add(AggregateFunction function, List<RowExpression> arguments, boolean distinct, DataType type, String name)
    {
        return add(function, arguments, distinct, Optional.empty(), List.of(), List.of(), type, name);
    }

    Symbol add(AggregateFunction function, List<RowExpression> arguments, boolean distinct, Optional<RowExpression> filter,
            List<WindowCollector.Order> orderBy, List<Object> parameters, DataType type, String name)
    {
        for (Entry entry : entries) {
            if (entry.function() == function && entry.arguments().equals(arguments) && entry.distinct() == distinct
                    && entry.filter().equals(filter) && entry.orderBy().equals(orderBy) && entry.parameters().equals(parameters)
                    && entry.output().type().equals(type)) {
                return entry.output();
            }
        }
        Symbol output = symbols.newSymbol(name, type);
        entries.add(new Entry(function, List.copyOf(arguments), distinct, filter, List.copyOf(orderBy), List.copyOf(parameters), output));
        return output;
    }

    List<Entry> entries()
    {
        return entries;
    }

    boolean isEmpty()
    {
        return entries.isEmpty();
    }
}
