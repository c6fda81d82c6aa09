package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An interval: {@code INTERVAL '90' DAY} (value "90", from DAY), {@code INTERVAL '1-2' YEAR TO MONTH} (from YEAR,
 * to MONTH), {@code INTERVAL '1 year 2 days'} (no fields: the text carries units), {@code INTERVAL 90 DAYS}.
 * A leading sign inside the string is part of the value. The TPC-H precision {@code DAY (3)} is dropped.
 * {@link IntervalLiterals#toInterval} computes the value.
 */
public record IntervalLiteral(NodeLocation location, String value, Optional<IntervalField> from, Optional<IntervalField> to) implements Literal
{
    public IntervalLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
