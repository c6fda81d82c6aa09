package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.DropTrigger;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** DROP TRIGGER [IF EXISTS] name; an unknown trigger is 42704. */
public final class DropTriggerExecution implements StatementExecution
{
    private final DropTrigger statement;

    public DropTriggerExecution(DropTrigger statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        if (context.catalog().getTrigger(name).isEmpty()) {
            if (statement.ifExists()) {
                return new UpdateCountResult(0);
            }
            throw new BasaltException(ErrorCode.UNDEFINED_OBJECT, "trigger \"" + name + "\" does not exist");
        }
        context.catalog().dropTrigger(name);
        return new UpdateCountResult(0);
    }
}
