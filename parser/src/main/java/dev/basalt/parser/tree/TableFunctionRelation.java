package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A table function in FROM, e.g. {@code range(10)} or {@code read_csv('f.csv')}. */
public record TableFunctionRelation(NodeLocation location, QualifiedName name, List<Expression> arguments, Optional<Identifier> alias, List<Identifier> columnAliases) implements Relation
{
    public TableFunctionRelation
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(alias, "alias is null");
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
    }
}
