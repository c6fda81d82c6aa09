package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code trim([BOTH|LEADING|TRAILING] [characters] FROM value)} or {@code trim(value)}; characters
 * empty means spaces.
 */
public record Trim(NodeLocation location, TrimSpecification specification, Optional<Expression> characters, Expression value) implements Expression
{
    public Trim
    {
        requireNonNull(location, "location is null");
        requireNonNull(specification, "specification is null");
        requireNonNull(characters, "characters is null");
        requireNonNull(value, "value is null");
    }
}
