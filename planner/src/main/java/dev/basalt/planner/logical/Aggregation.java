package dev.basalt.planner.logical;

import dev.basalt.planner.plan.AggregateFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate of an {@link Aggregate}: {@code output := function([DISTINCT] arguments ORDER BY orderBy)
 * FILTER (WHERE filter)}; {@code parameters} are constant arguments (see {@link dev.basalt.planner.plan.AggregateCall}).
 */
public record Aggregation(Symbol output, AggregateFunction function, List<Symbol> arguments, boolean distinct,
        Optional<Symbol> filter, List<Ordering> orderBy, List<Object> parameters)
{
    public Aggregation
    {
        requireNonNull(output, "output is null");
        requireNonNull(function, "function is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(filter, "filter is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public Aggregation(Symbol output, AggregateFunction function, List<Symbol> arguments, boolean distinct)
    {
        this(output, function, arguments, distinct, Optional.empty(), List.of(), List.of());
    }

    /** Every source symbol the aggregation reads: arguments, filter and ORDER BY keys. */
    public List<Symbol> inputs()
    {
        List<Symbol> inputs = new ArrayList<>(arguments);
        filter.ifPresent(inputs::add);
        for (Ordering ordering : orderBy) {
            inputs.add(ordering.symbol());
        }
        return inputs;
    }
}
