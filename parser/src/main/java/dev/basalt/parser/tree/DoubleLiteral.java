package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A number in exponent notation, e.g. {@code 1e-3}. */
public record DoubleLiteral(NodeLocation location, double value) implements Literal
{
    public DoubleLiteral
    {
        requireNonNull(location, "location is null");
    }
}
