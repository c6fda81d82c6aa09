package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.MaterializedResult;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;

/** SHOW TABLES: one VARCHAR column "name", sorted. */
public final class ShowTablesExecution implements StatementExecution
{
    public static final List<Column> COLUMNS = List.of(new Column("name", DataTypes.VARCHAR, false));

    @Override
    public QueryResult execute(StatementContext context)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (String table : context.catalog().listTables()) {
            rows.add(List.of(table));
        }
        return new MaterializedResult(COLUMNS, rows, context.newQueryMemory());
    }
}
