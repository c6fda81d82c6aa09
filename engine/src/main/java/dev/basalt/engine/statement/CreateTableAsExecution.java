package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.NullType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * CREATE TABLE t [(aliases)] AS query: creates the table with the query's column names and types and fills it.
 * It runs in a transaction (the session's or its own), so a failed fill leaves no half-made table behind.
 */
public final class CreateTableAsExecution implements StatementExecution
{
    private final CreateTableAs statement;

    public CreateTableAsExecution(CreateTableAs statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        if (Names.relationExists(context.catalog(), name)) {
            if (statement.ifNotExists()) {
                return new UpdateCountResult(0);
            }
            throw CreateTableExecution.duplicate(context.catalog(), name);
        }
        PhysicalPlan plan = context.planner().planQuery(statement.query(), context.parameters());
        // runs in a transaction: a failure rolls the new table back with everything else
        Table table = context.catalog().createTable(new TableSchema(name, columns(plan.outputColumns())));
        return new UpdateCountResult(TableFill.run(plan, table, context));
    }

    private List<Column> columns(List<Column> output)
    {
        if (statement.columnAliases().size() > output.size()) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "CREATE TABLE AS names " + statement.columnAliases().size()
                    + " columns but the query has only " + output.size());
        }
        Set<String> names = new HashSet<>();
        List<Column> columns = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            Column column = output.get(i);
            String name = i < statement.columnAliases().size() ? statement.columnAliases().get(i).value() : column.name();
            if (!names.add(name)) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            if (column.type() instanceof NullType) {
                throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "column \"" + name + "\" has type NULL; cast it to a type, e.g. CAST(NULL AS INTEGER)");
            }
            columns.add(new Column(name, column.type(), true));
        }
        return columns;
    }
}
