package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.SetVariable;

import static java.util.Objects.requireNonNull;

/** SET name = value / SET name TO value: changes a setting of this session only. */
public final class SetExecution implements StatementExecution
{
    private final SetVariable statement;

    public SetExecution(SetVariable statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = statement.name().toString();
        context.settings().set(name, Constants.evaluate(statement.value(), context, "the value of " + name));
        return new UpdateCountResult(0);
    }
}
