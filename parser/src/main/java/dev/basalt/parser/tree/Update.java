package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code UPDATE table [[AS] alias] SET column = value, ... [WHERE condition]}. */
public record Update(NodeLocation location, QualifiedName table, Optional<Identifier> alias, List<Assignment> assignments, Optional<Expression> where) implements Statement
{
    public Update
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
        requireNonNull(alias, "alias is null");
        assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
        requireNonNull(where, "where is null");
    }
}
