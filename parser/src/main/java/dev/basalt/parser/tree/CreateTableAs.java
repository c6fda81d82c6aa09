package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code CREATE TABLE [IF NOT EXISTS] name [(columns)] AS query}. */
public record CreateTableAs(NodeLocation location, QualifiedName name, List<Identifier> columnAliases, Query query, boolean ifNotExists) implements Statement
{
    public CreateTableAs
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
        requireNonNull(query, "query is null");
    }
}
