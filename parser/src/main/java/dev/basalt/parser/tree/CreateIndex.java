package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns) [WHERE predicate]}. Per-column ASC/DESC
 * is accepted and ignored.
 */
public record CreateIndex(NodeLocation location, QualifiedName name, QualifiedName table, List<Identifier> columns, Optional<Expression> where, boolean unique, boolean ifNotExists) implements Statement
{
    public CreateIndex
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(where, "where is null");
    }
}
