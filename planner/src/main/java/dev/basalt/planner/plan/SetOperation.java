package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * UNION / INTERSECT / EXCEPT, with or without ALL, over inputs whose column types are identical (the binder
 * casts). Rows compare as IS NOT DISTINCT FROM (NULLs are equal). UNION ALL concatenates any number of inputs;
 * UNION removes duplicates; INTERSECT and EXCEPT take exactly two inputs: without ALL they return distinct rows
 * present in both / in the left but not the right; with ALL, a row present m times on the left and n times on the
 * right appears min(m, n) times (INTERSECT ALL) or max(m - n, 0) times (EXCEPT ALL). Output names come from the
 * first input. No order is promised.
 */
public record SetOperation(SetOperationType type, boolean all, List<PhysicalPlan> inputs, List<Column> outputColumns)
        implements PhysicalPlan
{
    public SetOperation
    {
        requireNonNull(type, "type is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("a set operation needs at least two inputs");
        }
        if (type != SetOperationType.UNION && inputs.size() != 2) {
            throw new IllegalArgumentException(type + " takes exactly two inputs");
        }
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return inputs;
    }
}
