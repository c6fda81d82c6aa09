package dev.basalt.execution.operator;

import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.spi.batch.ColumnBatch;

/**
 * Joins every left row with every right row (compacted) for which the condition is TRUE; without a condition it
 * is a cross join. Pairs are formed in chunks of 4096 and the condition is evaluated on whole chunks. All join
 * types are supported (MARK is NULL when the condition was NULL for some pair and TRUE for none).
 */
public final class NestedLoopJoinOperator
        extends JoinOperatorBase
{
    private int cursor;
    private int buildRow;

    public NestedLoopJoinOperator(OperatorContext context, NestedLoopJoin plan, Operator left, Operator right)
    {
        super(context, plan.joinType(), left, right, plan.left().outputColumns(), plan.right().outputColumns(), plan.condition(), plan.outputColumns());
    }

    @Override
    protected void buildFinished()
    {
    }

    @Override
    protected boolean startProbe(ColumnBatch batch)
    {
        cursor = 0;
        buildRow = 0;
        return false;
    }

    @Override
    protected int nextPairs(int[] probePositions, int[] buildRows, int max)
    {
        int rows = build.rowCount();
        if (rows == 0) {
            return 0;
        }
        int n = 0;
        while (n < max && cursor < probeCount) {
            int position = probeRows == null ? cursor : probeRows[cursor];
            int take = Math.min(max - n, rows - buildRow);
            for (int j = 0; j < take; j++) {
                probePositions[n] = position;
                buildRows[n] = buildRow++;
                n++;
            }
            if (buildRow == rows) {
                buildRow = 0;
                cursor++;
            }
        }
        return n;
    }
}
