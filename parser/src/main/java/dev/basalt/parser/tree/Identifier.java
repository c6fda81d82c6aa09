package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/**
 * A name. Unquoted names are already folded to lower case; {@code quoted} remembers "Quoted" spelling
 * (whose case is kept).
 */
public record Identifier(NodeLocation location, String value, boolean quoted) implements Node
{
    public Identifier
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }


    @Override
    public String toString()
    {
        return value;
    }
}
