package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code expression [[AS] alias]}. */
public record SingleColumn(NodeLocation location, Expression expression, Optional<Identifier> alias) implements SelectItem
{
    public SingleColumn
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(alias, "alias is null");
    }
}
