package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.MaterializedResult;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.execution.PlanProfile;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Update;
import dev.basalt.planner.Planner;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * EXPLAIN statement: the physical plan as text, one row per line in a VARCHAR column "plan". EXPLAIN ANALYZE (queries
 * only) runs the query, discards its rows, and adds to every node's line its actual output rows and the inclusive
 * wall time of its operators (time spent producing its rows, its inputs' time included; summed over worker threads
 * for parallel pipelines), under a header line saying so and above a total line.
 */
public final class ExplainExecution implements StatementExecution
{
    public static final List<Column> COLUMNS = List.of(new Column("plan", DataTypes.VARCHAR, false));

    private final Explain statement;

    public ExplainExecution(Explain statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        if (statement.analyze()) {
            return analyze(context);
        }
        Planner planner = context.planner();
        PhysicalPlan plan = switch (statement.statement()) {
            case Query query -> planner.planQuery(query, context.parameters());
            case Insert insert -> planner.planInsert(insert, context.parameters());
            case CreateTableAs createTableAs -> planner.planQuery(createTableAs.query(), context.parameters());
            case Delete delete -> planner.planDelete(delete, context.parameters()).plan();
            case Update update -> planner.planUpdate(update, context.parameters()).plan();
            default -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN supports queries, INSERT, UPDATE, DELETE and CREATE TABLE AS only");
        };
        List<List<Object>> rows = new ArrayList<>();
        for (String line : Planner.explain(plan).split("\\R")) {
            rows.add(List.of(line));
        }
        return new MaterializedResult(COLUMNS, rows, context.newQueryMemory());
    }

    private QueryResult analyze(StatementContext context)
    {
        if (!(statement.statement() instanceof Query query)) {
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE supports queries only");
        }
        PhysicalPlan plan = context.planner().planQuery(query, context.parameters());
        PlanProfile profile = new PlanProfile();
        long resultRows = 0;
        long start = System.nanoTime();
        try (QueryMemory memory = context.newQueryMemory();
                CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, context.executionContext(memory.allocator()), profile)) {
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    resultRows += batch.rowCount();
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("EXPLAIN ANALYZE: actual rows and inclusive wall time per operator (includes its inputs)"));
        String text = Planner.explain(plan, node -> profile.profile(node)
                .map(counters -> " actual_rows=" + counters.rows() + " time=" + milliseconds(counters.nanos()))
                .orElse(" (not executed)"));
        for (String line : text.split("\\R")) {
            rows.add(List.of(line));
        }
        rows.add(List.of("Total: " + resultRows + (resultRows == 1 ? " row" : " rows") + " in " + milliseconds(elapsed)));
        return new MaterializedResult(COLUMNS, rows, context.newQueryMemory());
    }

    private static String milliseconds(long nanos)
    {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
    }
}
