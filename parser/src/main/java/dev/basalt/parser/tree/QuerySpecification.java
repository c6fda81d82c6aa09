package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SELECT [DISTINCT|ALL] items [FROM relations] [WHERE] [GROUP BY] [HAVING] [WINDOW]}. {@code from} is
 * empty for a SELECT without FROM; several entries are comma-separated FROM items (a cross join).
 */
public record QuerySpecification(NodeLocation location, boolean distinct, List<SelectItem> selectItems, List<Relation> from, Optional<Expression> where, Optional<GroupBy> groupBy, Optional<Expression> having, List<WindowDefinition> windows) implements QueryBody
{
    public QuerySpecification
    {
        requireNonNull(location, "location is null");
        selectItems = List.copyOf(requireNonNull(selectItems, "selectItems is null"));
        from = List.copyOf(requireNonNull(from, "from is null"));
        requireNonNull(where, "where is null");
        requireNonNull(groupBy, "groupBy is null");
        requireNonNull(having, "having is null");
        windows = List.copyOf(requireNonNull(windows, "windows is null"));
    }
}
