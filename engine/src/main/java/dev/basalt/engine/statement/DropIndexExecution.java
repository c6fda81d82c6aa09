package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.DropIndex;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** DROP INDEX [IF EXISTS] name (also the unique index of a PRIMARY KEY / UNIQUE constraint, ending its enforcement). */
public final class DropIndexExecution implements StatementExecution
{
    private final DropIndex statement;

    public DropIndexExecution(DropIndex statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        if (context.catalog().getIndex(name).isEmpty()) {
            if (statement.ifExists()) {
                return new UpdateCountResult(0);
            }
            throw new BasaltException(ErrorCode.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
        }
        context.catalog().dropIndex(name);
        return new UpdateCountResult(0);
    }
}
