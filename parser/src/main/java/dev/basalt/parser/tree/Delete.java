package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code DELETE FROM table [[AS] alias] [WHERE condition]}. */
public record Delete(NodeLocation location, QualifiedName table, Optional<Identifier> alias, Optional<Expression> where) implements Statement
{
    public Delete
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
        requireNonNull(alias, "alias is null");
        requireNonNull(where, "where is null");
    }
}
