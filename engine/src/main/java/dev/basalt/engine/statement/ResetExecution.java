package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.ResetVariable;

import static java.util.Objects.requireNonNull;

/** RESET name / RESET ALL: back to the defaults. */
public final class ResetExecution implements StatementExecution
{
    private final ResetVariable statement;

    public ResetExecution(ResetVariable statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        if (statement.name().isPresent()) {
            context.settings().reset(statement.name().get().toString());
        }
        else {
            context.settings().resetAll();
        }
        return new UpdateCountResult(0);
    }
}
