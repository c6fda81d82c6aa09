package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DATE 'yyyy-mm-dd'}; the text is validated by the binder. */
public record DateLiteral(NodeLocation location, String value) implements Literal
{
    public DateLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
