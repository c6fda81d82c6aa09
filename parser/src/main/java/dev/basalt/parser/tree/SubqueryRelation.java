package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code (query) [[AS] alias [(column aliases)]]} in FROM (also {@code (VALUES ...) t(a, b)}). */
public record SubqueryRelation(NodeLocation location, Query query, Optional<Identifier> alias, List<Identifier> columnAliases) implements Relation
{
    public SubqueryRelation
    {
        requireNonNull(location, "location is null");
        requireNonNull(query, "query is null");
        requireNonNull(alias, "alias is null");
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
    }
}
