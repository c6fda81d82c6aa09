package dev.basalt.execution;

import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

/**
 * Entry point of the execution module: turns a physical plan into a tree of operators and streams its result.
 * The caller owns (closes) every returned batch and the iterator; closing the iterator early releases all
 * operator memory. Batches may carry a selection vector.
 */
public final class PlanExecutor
{
    private PlanExecutor() {}

    public static CloseableIterator<ColumnBatch> execute(PhysicalPlan plan, ExecutionContext context)
    {
        throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "execution is not implemented yet");
    }
}
