package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A positional ({@code name} empty) or named ({@code name => value}) procedure argument. */
public record CallArgument(NodeLocation location, Optional<Identifier> name, Expression value) implements Node
{
    public CallArgument
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }
}
