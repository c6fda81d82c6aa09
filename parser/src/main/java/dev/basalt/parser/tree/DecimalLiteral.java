package dev.basalt.parser.tree;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** A number with a decimal point (or an integer too large for a long), exact: {@code 0.06} has scale 2. */
public record DecimalLiteral(NodeLocation location, BigDecimal value) implements Literal
{
    public DecimalLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
