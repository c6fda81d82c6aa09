package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.error.Failures;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.StreamingResult;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.parser.tree.Query;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;

import static java.util.Objects.requireNonNull;

/** SELECT / VALUES / WITH: plans the query and streams its batches; the result owns the query's memory. */
public final class QueryExecution implements StatementExecution
{
    private final Query statement;

    public QueryExecution(Query statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        PhysicalPlan plan = context.planner().planQuery(statement, context.parameters());
        QueryMemory memory = context.newQueryMemory();
        try {
            CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, context.executionContext(memory.allocator()));
            return new StreamingResult(plan.outputColumns(), batches, memory);
        }
        catch (Throwable failure) {
            Failures.closeAfterFailure(memory, failure);
            throw failure;
        }
    }
}
