package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SELECT [DISTINCT|ALL|DISTINCT ON (exprs)] items [FROM relations] [WHERE] [GROUP BY] [HAVING] [WINDOW]
 * [QUALIFY]}. {@code from} is empty for a SELECT without FROM; several entries are comma-separated FROM items (a
 * cross join). {@code distinctOn} is non-empty only for PostgreSQL's DISTINCT ON (then {@code distinct} is false);
 * {@code qualify} is DuckDB's filter on window function results.
 */
public record QuerySpecification(NodeLocation location, boolean distinct, List<SelectItem> selectItems, List<Relation> from, Optional<Expression> where,
        Optional<GroupBy> groupBy, Optional<Expression> having, List<WindowDefinition> windows, List<Expression> distinctOn, Optional<Expression> qualify)
        implements QueryBody
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
        distinctOn = List.copyOf(requireNonNull(distinctOn, "distinctOn is null"));
        requireNonNull(qualify, "qualify is null");
    }

    /** Without DISTINCT ON and QUALIFY. */
    public QuerySpecification(NodeLocation location, boolean distinct, List<SelectItem> selectItems, List<Relation> from, Optional<Expression> where,
            Optional<GroupBy> groupBy, Optional<Expression> having, List<WindowDefinition> windows)
    {
        this(location, distinct, selectItems, from, where, groupBy, having, windows, List.of(), Optional.empty());
    }
}
