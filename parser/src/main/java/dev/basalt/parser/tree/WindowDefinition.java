package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code WINDOW name AS (specification)} in a query specification. */
public record WindowDefinition(NodeLocation location, Identifier name, WindowSpecification specification) implements Node
{
    public WindowDefinition
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(specification, "specification is null");
    }
}
