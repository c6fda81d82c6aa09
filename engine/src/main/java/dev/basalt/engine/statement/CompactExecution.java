package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.QualifiedName;

import java.util.Optional;

/**
 * CHECKPOINT and VACUUM [table]: storage compacts (rewrites row groups with deleted rows, merges small ones,
 * deletes files no snapshot needs). Runs outside transactions (the session refuses it inside one).
 */
public final class CompactExecution implements StatementExecution
{
    private final Optional<QualifiedName> table;

    public CompactExecution(Optional<QualifiedName> table)
    {
        this.table = table;
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        Optional<String> name = table.map(value -> Names.existingTable(context.catalog(), value).schema().name());
        context.catalog().compact(name);
        return new UpdateCountResult(0);
    }
}
