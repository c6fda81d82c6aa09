package dev.basalt.planner.logical;

import static java.util.Objects.requireNonNull;

/** One sort key: a symbol, direction and resolved NULLS FIRST/LAST. */
public record Ordering(Symbol symbol, boolean ascending, boolean nullsFirst)
{
    public Ordering
    {
        requireNonNull(symbol, "symbol is null");
    }
}
