package dev.basalt.planner.plan;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.Column;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Equi-join: builds a hash table over {@code build} keyed by {@code buildKeys}, then streams {@code probe}
 * looking up {@code probeKeys} (pairwise of identical types). NULL keys never match. {@code filter}, over the
 * concatenated probe ++ build columns, is an extra join condition (must be TRUE for a pair to match).
 * The planner puts the smaller input on the build side.
 */
public record HashJoin(JoinType joinType, PhysicalPlan probe, PhysicalPlan build, List<Integer> probeKeys, List<Integer> buildKeys,
        Optional<RowExpression> filter, List<Column> outputColumns, long estimatedRows)
        implements PhysicalPlan
{
    public HashJoin
    {
        requireNonNull(joinType, "joinType is null");
        requireNonNull(probe, "probe is null");
        requireNonNull(build, "build is null");
        probeKeys = List.copyOf(requireNonNull(probeKeys, "probeKeys is null"));
        buildKeys = List.copyOf(requireNonNull(buildKeys, "buildKeys is null"));
        requireNonNull(filter, "filter is null");
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (probeKeys.size() != buildKeys.size() || probeKeys.isEmpty()) {
            throw new IllegalArgumentException("a hash join needs the same positive number of keys on both sides");
        }
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(probe, build);
    }
}
