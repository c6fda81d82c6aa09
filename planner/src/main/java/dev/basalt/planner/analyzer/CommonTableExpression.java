package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.WithQuery;

import dev.basalt.spi.type.DataType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A WITH query and the WITH queries visible from its body (those defined before it), so it can be planned again,
 * with fresh symbols, at every reference (inlining), in the scope where it was defined.
 */
record CommonTableExpression(WithQuery query, Map<String, CommonTableExpression> visible, Optional<Scope> outer, boolean recursive,
        Optional<WorkTable> workTable)
{
    CommonTableExpression
    {
        requireNonNull(query, "query is null");
        visible = Map.copyOf(requireNonNull(visible, "visible is null"));
        requireNonNull(outer, "outer is null");
        requireNonNull(workTable, "workTable is null");
    }

    /** Inside a recursive query's step: references to it read the previous iteration's rows. */
    record WorkTable(String name, List<String> columnNames, List<DataType> types)
    {
        WorkTable
        {
            requireNonNull(name, "name is null");
            columnNames = List.copyOf(columnNames);
            types = List.copyOf(types);
        }
    }
}
