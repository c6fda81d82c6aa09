package dev.basalt.planner.logical;

import dev.basalt.planner.expression.RowExpression;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Literal rows; every row has one expression (without symbol references) per output, of the output's type. */
public record Values(List<Symbol> outputs, List<List<RowExpression>> rows) implements LeafPlan
{
    public Values
    {
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        List<List<RowExpression>> copy = new ArrayList<>(requireNonNull(rows, "rows is null").size());
        for (List<RowExpression> row : rows) {
            if (row.size() != outputs.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, expected " + outputs.size());
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** No rows, with the given outputs (what a filter that is never true leaves). */
    public static Values empty(List<Symbol> outputs)
    {
        return new Values(outputs, List.of());
    }
}
