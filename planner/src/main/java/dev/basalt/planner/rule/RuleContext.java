package dev.basalt.planner.rule;

import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.planner.stats.StatsEstimator;

import static java.util.Objects.requireNonNull;

/** What rules may use: fresh symbols and cardinality estimates. */
public record RuleContext(SymbolAllocator symbols, StatsEstimator stats)
{
    public RuleContext
    {
        requireNonNull(symbols, "symbols is null");
        requireNonNull(stats, "stats is null");
    }
}
