package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXTRACT(field FROM value)}; field is upper case ({@code YEAR}, {@code MONTH}, {@code DOW}, {@code EPOCH}, ...)
 * and is validated by the binder.
 */
public record Extract(NodeLocation location, String field, Expression value) implements Expression
{
    public Extract
    {
        requireNonNull(location, "location is null");
        requireNonNull(field, "field is null");
        requireNonNull(value, "value is null");
    }
}
