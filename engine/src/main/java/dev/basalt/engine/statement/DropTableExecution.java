package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.DropTable;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** DROP TABLE [IF EXISTS]. */
public final class DropTableExecution implements StatementExecution
{
    private final DropTable statement;

    public DropTableExecution(DropTable statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        if (context.catalog().getTable(name).isEmpty()) {
            if (context.catalog().getView(name).isPresent()) {
                throw new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a table (hint: use DROP VIEW to remove a view)");
            }
            if (statement.ifExists()) {
                return new UpdateCountResult(0);
            }
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
        }
        context.catalog().dropTable(name);
        return new UpdateCountResult(0);
    }
}
