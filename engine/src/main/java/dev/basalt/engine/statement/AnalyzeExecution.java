package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.Analyze;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/**
 * ANALYZE [table]: a no-op kept for PostgreSQL/DuckDB scripts. Basalt's statistics (row counts, zone maps, distinct
 * sketches) are maintained by every commit, so there is nothing to recompute; it only checks that the named table
 * (or view, which PostgreSQL skips) exists: 42P01 otherwise.
 */
public final class AnalyzeExecution implements StatementExecution
{
    private final Analyze statement;

    public AnalyzeExecution(Analyze statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        if (statement.table().isPresent()) {
            String name = Names.tableName(statement.table().get());
            if (!Names.relationExists(context.catalog(), name)) {
                throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
            }
        }
        return new UpdateCountResult(0);
    }
}
