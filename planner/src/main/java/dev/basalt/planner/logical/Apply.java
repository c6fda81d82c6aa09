package dev.basalt.planner.logical;

import dev.basalt.parser.tree.NodeLocation;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.JoinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A subquery of {@code input}'s rows, as bound: {@code subquery} may reference {@code input}'s symbols (correlation).
 * The {@code DecorrelateSubqueries} rule replaces it by joins and aggregations; none survives to physical planning.
 * <ul>
 *   <li>EXISTS: {@code joinType} SEMI / ANTI (a WHERE conjunct) or MARK ({@code output} is the mark).</li>
 *   <li>ANY: as EXISTS, with {@code comparison} (value op subquery column) as an extra join condition.</li>
 *   <li>SCALAR: {@code output} is the subquery's single column; {@code joinType} is unused (LEFT).</li>
 * </ul>
 * {@code location} is the subquery's SQL position, for errors about shapes that cannot be decorrelated.
 */
public record Apply(LogicalPlan input, LogicalPlan subquery, Kind kind, JoinType joinType, Optional<RowExpression> comparison, Symbol output,
        NodeLocation location)
        implements LogicalPlan
{
    public enum Kind { EXISTS, ANY, SCALAR }

    public Apply
    {
        requireNonNull(input, "input is null");
        requireNonNull(subquery, "subquery is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(joinType, "joinType is null");
        requireNonNull(comparison, "comparison is null");
        requireNonNull(output, "output is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public List<Symbol> outputs()
    {
        List<Symbol> outputs = new ArrayList<>(input.outputs());
        if (kind == Kind.SCALAR || joinType == JoinType.MARK) {
            outputs.add(output);
        }
        return outputs;
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of(input, subquery);
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        return sources.get(0) == input && sources.get(1) == subquery ? this
                : new Apply(sources.get(0), sources.get(1), kind, joinType, comparison, output, location);
    }
}
