package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** generate_series / range in FROM: one output, BIGINT or TIMESTAMP (see {@link dev.basalt.planner.plan.SeriesScan}). */
public record SeriesScan(Symbol output, long start, long stop, long step, int stepMonths, int stepDays, boolean inclusive) implements LeafPlan
{
    public SeriesScan
    {
        requireNonNull(output, "output is null");
    }

    @Override
    public List<Symbol> outputs()
    {
        return List.of(output);
    }

    public long estimatedRows()
    {
        return dev.basalt.planner.plan.SeriesScan.estimateRows(start, stop, step, stepMonths, stepDays, inclusive);
    }
}
