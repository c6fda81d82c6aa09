package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One common table expression; {@code columnAliases} is empty unless written. */
public record WithQuery(NodeLocation location, Identifier name, List<Identifier> columnAliases, Query query) implements Node
{
    public WithQuery
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
        requireNonNull(query, "query is null");
    }
}
