package dev.basalt.planner.analyzer;

import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Symbol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A bound query: its plan, the result columns (symbols of the plan's outputs, possibly repeated) and their
 * names. The plan may output more symbols (e.g. hidden ORDER BY keys) than {@code outputs}.
 */
public record QueryPlan(LogicalPlan plan, List<Symbol> outputs, List<String> names)
{
    public QueryPlan
    {
        requireNonNull(plan, "plan is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        names = List.copyOf(requireNonNull(names, "names is null"));
        if (outputs.size() != names.size()) {
            throw new IllegalArgumentException("outputs and names differ in size");
        }
    }
}
