package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code SET name = value} / {@code SET name TO value}; a bare word value is a StringLiteral. */
public record SetVariable(NodeLocation location, QualifiedName name, Expression value) implements Statement
{
    public SetVariable
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }
}
