package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code substring(value FROM start [FOR length])} or {@code substring(value, start[, length])}. */
public record Substring(NodeLocation location, Expression value, Expression start, Optional<Expression> length) implements Expression
{
    public Substring
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(start, "start is null");
        requireNonNull(length, "length is null");
    }
}
