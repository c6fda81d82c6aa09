package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A frame bound; {@code offset} is present for {@code n PRECEDING} and {@code n FOLLOWING}. */
public record FrameBound(NodeLocation location, FrameBoundType type, Optional<Expression> offset) implements Node
{
    public FrameBound
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(offset, "offset is null");
    }
}
