package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.MaterializedResult;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** SHOW TABLES: one VARCHAR column "name", tables and views together, sorted (as DuckDB). */
public final class ShowTablesExecution implements StatementExecution
{
    public static final List<Column> COLUMNS = List.of(new Column("name", DataTypes.VARCHAR, false));

    @Override
    public QueryResult execute(StatementContext context)
    {
        TreeSet<String> names = new TreeSet<>(context.catalog().listTables());
        names.addAll(context.catalog().listViews());
        List<List<Object>> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(List.of(name));
        }
        return new MaterializedResult(COLUMNS, rows, context.newQueryMemory());
    }
}
