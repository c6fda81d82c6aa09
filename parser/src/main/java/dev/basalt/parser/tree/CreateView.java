package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS query}. */
public record CreateView(NodeLocation location, QualifiedName name, List<Identifier> columnAliases, Query query, boolean orReplace, boolean ifNotExists, boolean temporary) implements Statement
{
    public CreateView
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
        requireNonNull(query, "query is null");
    }
}
