package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.MaterializedResult;
import dev.basalt.parser.tree.Describe;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * DESCRIBE t / SHOW COLUMNS FROM t (also views): column_name, column_type, null ("YES"/"NO") and default (the
 * DEFAULT expression's SQL, NULL when none), as in DuckDB.
 */
public final class DescribeExecution implements StatementExecution
{
    public static final List<Column> COLUMNS = List.of(
            new Column("column_name", DataTypes.VARCHAR, false),
            new Column("column_type", DataTypes.VARCHAR, false),
            new Column("null", DataTypes.VARCHAR, false),
            new Column("default", DataTypes.VARCHAR, true));

    private final Describe statement;

    public DescribeExecution(Describe statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.table());
        Optional<ViewDefinition> view = context.catalog().getTable(name).isPresent() ? Optional.empty() : context.catalog().getView(name);
        TableSchema schema = view.isPresent()
                ? ViewSchemas.bind(context.planner(), context.parser(), view.get())
                : Names.existingTable(context.catalog(), statement.table()).schema();
        List<List<Object>> rows = new ArrayList<>();
        for (Column column : schema.columns()) {
            rows.add(Arrays.asList(column.name(), column.type().sqlName(), column.nullable() ? "YES" : "NO", column.defaultExpression().orElse(null)));
        }
        return new MaterializedResult(COLUMNS, rows, context.newQueryMemory());
    }
}
