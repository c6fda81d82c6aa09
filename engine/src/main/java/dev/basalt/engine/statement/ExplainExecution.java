package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.MaterializedResult;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Update;
import dev.basalt.planner.Planner;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** EXPLAIN statement: the physical plan as text, one row per line in a VARCHAR column "plan". */
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
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: EXPLAIN ANALYZE");
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
}
