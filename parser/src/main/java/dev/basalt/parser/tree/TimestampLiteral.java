package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code TIMESTAMP 'yyyy-mm-dd hh:mm:ss[.f]'}; the text is validated by the binder. */
public record TimestampLiteral(NodeLocation location, String value) implements Literal
{
    public TimestampLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
