package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** DEFAULT as an item of INSERT ... VALUES: the column's default expression (or NULL). */
public record DefaultValue(NodeLocation location) implements Expression
{
    public DefaultValue
    {
        requireNonNull(location, "location is null");
    }
}
