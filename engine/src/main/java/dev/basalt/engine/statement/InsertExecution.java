package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.Insert;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** INSERT INTO t [(columns)] VALUES ... / SELECT ...: planned by the planner, written all or nothing. */
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
        if (statement.conflictAction() != ConflictAction.ERROR) {
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: INSERT OR " + statement.conflictAction() + " (key constraints are not enforced)");
        }
        context.writeLock().lock();
        try {
            Table table = Names.existingTable(context.catalog(), statement.table());
            PhysicalPlan plan = context.planner().planInsert(statement, context.parameters());
            return new UpdateCountResult(TableFill.run(plan, table, context));
        }
        finally {
            context.writeLock().unlock();
        }
    }
}
