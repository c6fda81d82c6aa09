package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.Reindex;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** REINDEX name: rebuilds index {@code name}, or every index of table {@code name} (SQLite); 42704 otherwise. */
public final class ReindexExecution implements StatementExecution
{
    private final Reindex statement;

    public ReindexExecution(Reindex statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        Catalog catalog = context.catalog();
        if (catalog.getIndex(name).isPresent()) {
            catalog.rebuildIndex(name);
            return new UpdateCountResult(0);
        }
        if (catalog.getTable(name).isPresent()) {
            for (IndexDefinition index : catalog.listIndexes(name)) {
                catalog.rebuildIndex(index.name());
            }
            return new UpdateCountResult(0);
        }
        throw new BasaltException(ErrorCode.UNDEFINED_OBJECT, "no such index or table: \"" + name + "\"");
    }
}
