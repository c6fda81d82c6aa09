package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code WITH [RECURSIVE] name [(columns)] AS (query), ...}. */
public record With(NodeLocation location, boolean recursive, List<WithQuery> queries) implements Node
{
    public With
    {
        requireNonNull(location, "location is null");
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
    }
}
