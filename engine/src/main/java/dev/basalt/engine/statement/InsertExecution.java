package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.Insert;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TriggerDefinition;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * INSERT [OR REPLACE | OR IGNORE] INTO t [(columns)] VALUES ... / SELECT ...: planned by the planner, written all
 * or nothing, unique keys enforced (23505), replaced or skipped.
 */
public final class InsertExecution implements StatementExecution
{
    private final Insert statement;

    public InsertExecution(Insert statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        Table table = Names.existingTable(context.catalog(), statement.table());
        // the rows to write do not depend on the conflict action, which this execution applies itself
        Insert rows = new Insert(statement.location(), statement.table(), statement.columns(), statement.query(), ConflictAction.ERROR);
        PhysicalPlan plan = context.planner().planInsert(rows, context.parameters());
        Triggers triggers = Triggers.of(context, table.schema(), TriggerDefinition.Event.INSERT, Set.of());
        if (triggers.isEmpty()) {
            return new UpdateCountResult(TableFill.run(plan, table, context, statement.conflictAction()));
        }
        return new UpdateCountResult(TableFill.runWithTriggers(plan, table, context, statement.conflictAction(), triggers));
    }
}
