package dev.basalt.planner.rule;

import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;

/** A projection that outputs exactly its input's symbols, in order, unchanged, is dropped. */
public final class RemoveIdentityProjections extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (node instanceof Project project && project.isSelection() && project.outputs().equals(project.source().outputs())) {
            return project.source();
        }
        return null;
    }
}
