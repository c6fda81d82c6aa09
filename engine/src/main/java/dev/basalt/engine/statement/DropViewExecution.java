package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.DropView;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** DROP VIEW [IF EXISTS] v; a table there is 42809 (use DROP TABLE). */
public final class DropViewExecution implements StatementExecution
{
    private final DropView statement;

    public DropViewExecution(DropView statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        if (context.catalog().getView(name).isEmpty()) {
            if (context.catalog().getTable(name).isPresent()) {
                throw new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view (hint: use DROP TABLE to remove a table)");
            }
            if (statement.ifExists()) {
                return new UpdateCountResult(0);
            }
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
        }
        context.catalog().dropView(name);
        return new UpdateCountResult(0);
    }
}
