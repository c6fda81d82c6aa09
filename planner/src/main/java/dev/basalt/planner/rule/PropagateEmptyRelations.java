package dev.basalt.planner.rule;

import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.TopN;
import dev.basalt.planner.logical.Values;

/**
 * An operator over an input known to be empty produces nothing: replaces it by an empty {@link Values}. A global
 * aggregate (no grouping keys) is kept, since it returns one row even for no input. {@code LIMIT 0} is empty too.
 */
public final class PropagateEmptyRelations extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        boolean empty = switch (node) {
            case Filter filter -> isEmpty(filter.source());
            case Project project -> isEmpty(project.source());
            case Aggregate aggregate -> !aggregate.groupingKeys().isEmpty() && isEmpty(aggregate.source());
            case Join join -> switch (join.type()) {
                case INNER, SEMI, RIGHT_SEMI -> isEmpty(join.left()) || isEmpty(join.right());
                case LEFT, ANTI, MARK, SINGLE -> isEmpty(join.left());
                case RIGHT, RIGHT_ANTI -> isEmpty(join.right());
                case FULL -> isEmpty(join.left()) && isEmpty(join.right());
            };
            case Sort sort -> isEmpty(sort.source());
            case TopN topN -> isEmpty(topN.source()) || topN.count() == 0;
            case Limit limit -> isEmpty(limit.source()) || limit.count() == 0;
            default -> false;
        };
        return empty ? Values.empty(node.outputs()) : null;
    }

    private static boolean isEmpty(LogicalPlan plan)
    {
        return plan instanceof Values values && values.rows().isEmpty();
    }
}
