package dev.basalt.planner.logical;

import dev.basalt.planner.plan.AggregateFunction;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One aggregate of an {@link Aggregate}: {@code output := function([DISTINCT] arguments)}. */
public record Aggregation(Symbol output, AggregateFunction function, List<Symbol> arguments, boolean distinct)
{
    public Aggregation
    {
        requireNonNull(output, "output is null");
        requireNonNull(function, "function is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }
}
