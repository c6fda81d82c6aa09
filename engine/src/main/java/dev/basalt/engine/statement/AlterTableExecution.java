package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.tree.AddColumn;
import dev.basalt.parser.tree.AlterTable;
import dev.basalt.parser.tree.ColumnDefinition;
import dev.basalt.parser.tree.DropColumn;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.RenameColumn;
import dev.basalt.parser.tree.RenameTable;
import dev.basalt.parser.tree.Statement;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.NullType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * ALTER TABLE [IF EXISTS] t ADD [COLUMN] [IF NOT EXISTS] c type [NOT NULL] [DEFAULT expr] [UNIQUE | PRIMARY KEY]
 * / DROP [COLUMN] [IF EXISTS] c / RENAME [COLUMN] a TO b / RENAME TO u. Storage changes metadata only: existing
 * rows read the default of an added column (evaluated once, here); later INSERTs evaluate its expression. Dropping a
 * column drops the indexes on it (as PostgreSQL does).
 */
public final class AlterTableExecution implements StatementExecution
{
    private final AlterTable statement;

    public AlterTableExecution(AlterTable statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        Catalog catalog = context.catalog();
        String name = Names.tableName(statement.table());
        if (catalog.getTable(name).isEmpty() && catalog.getView(name).isEmpty() && statement.ifExists()) {
            return new UpdateCountResult(0);
        }
        Table table = Names.existingTable(catalog, statement.table());
        TableSchema schema = table.schema();
        switch (statement.action()) {
            case AddColumn add -> addColumn(context, table, add);
            case DropColumn drop -> {
                String column = drop.column().value();
                if (schema.indexOf(column).isEmpty()) {
                    if (drop.ifExists()) {
                        return new UpdateCountResult(0);
                    }
                    throw undefinedColumn(name, column);
                }
                if (schema.columnCount() == 1) {
                    throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot drop column \"" + column + "\": it is the only column of table \"" + name + "\"");
                }
                for (IndexDefinition index : catalog.listIndexes(name)) {
                    if (index.columns().contains(column)) {
                        catalog.dropIndex(index.name());
                    }
                }
                catalog.alterTable(name, new TableChange.DropColumn(column));
            }
            case RenameColumn rename -> {
                String from = rename.from().value();
                String to = rename.to().value();
                if (schema.indexOf(from).isEmpty()) {
                    throw undefinedColumn(name, from);
                }
                if (schema.indexOf(to).isPresent()) {
                    throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + to + "\" of relation \"" + name + "\" already exists");
                }
                // storage refuses to rename an indexed column (2BP01): re-create those indexes under the new name
                List<IndexDefinition> indexes = new ArrayList<>();
                for (IndexDefinition index : catalog.listIndexes(name)) {
                    if (index.columns().contains(from) && index.predicate().isEmpty()) {
                        indexes.add(index);
                        catalog.dropIndex(index.name());
                    }
                }
                catalog.alterTable(name, new TableChange.RenameColumn(from, to));
                for (IndexDefinition index : indexes) {
                    List<String> columns = new ArrayList<>();
                    for (String column : index.columns()) {
                        columns.add(column.equals(from) ? to : column);
                    }
                    catalog.createIndex(new IndexDefinition(index.name(), name, columns, index.predicate(), index.unique()));
                }
            }
            case RenameTable rename -> {
                String to = Names.tableName(rename.newName());
                if (Names.relationExists(catalog, to)) {
                    throw CreateTableExecution.duplicate(catalog, to);
                }
                catalog.alterTable(name, new TableChange.RenameTable(to));
            }
        }
        return new UpdateCountResult(0);
    }

    private static void addColumn(StatementContext context, Table table, AddColumn add)
    {
        Catalog catalog = context.catalog();
        TableSchema schema = table.schema();
        ColumnDefinition definition = add.column();
        String column = definition.name().value();
        if (schema.indexOf(column).isPresent()) {
            if (add.ifNotExists()) {
                return;
            }
            throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" of relation \"" + schema.name() + "\" already exists");
        }
        DataType type = definition.type().toDataType();
        if (type instanceof NullType) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column + "\" cannot have type NULL");
        }
        boolean nullable = definition.nullable() && !definition.primaryKey();
        Column added = new Column(column, type, nullable);
        Object defaultValue = null;
        if (definition.defaultValue().isPresent()) {
            // checked against the table as it will be; existing rows read the value once, later INSERTs evaluate the text
            List<Column> columns = new ArrayList<>(schema.columns());
            columns.add(added);
            String sql = CreateTableExecution.defaultSql(context, new TableSchema(schema.name(), columns), columns.size() - 1, definition.defaultValue().get());
            added = added.withDefault(Optional.of(sql));
            defaultValue = constant(context, definition.defaultValue().get(), type);
        }
        if (!nullable && defaultValue == null && hasRows(context, table)) {
            throw new BasaltException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + column + "\" of relation \"" + schema.name()
                    + "\" would contain null values (give it a DEFAULT)");
        }
        catalog.alterTable(schema.name(), new TableChange.AddColumn(added, defaultValue));
        if (definition.primaryKey() || definition.unique()) {
            String index = schema.name() + (definition.primaryKey() ? "_pkey" : "_" + column + "_key");
            if (definition.primaryKey() && catalog.getIndex(index).isPresent()) {
                throw new BasaltException(ErrorCode.SYNTAX_ERROR, "multiple primary keys for table \"" + schema.name() + "\" are not allowed");
            }
            catalog.createIndex(new IndexDefinition(index, schema.name(), List.of(column), Optional.empty(), true));
        }
    }

    /** Evaluates a DEFAULT expression (constant: no columns) cast to the column's type, by running SELECT CAST(...). */
    static Object constant(StatementContext context, Expression expression, DataType type)
    {
        String sql = "SELECT CAST((" + SqlFormatter.format(expression) + ") AS " + type.sqlName() + ")";
        Statement parsed = context.parser().parse(sql);
        if (!(parsed instanceof Query query)) {
            throw new BasaltException(ErrorCode.INTERNAL_ERROR, "DEFAULT expression did not parse as a query: " + sql);
        }
        try (QueryResult result = new QueryExecution(query).execute(context)) {
            List<List<Object>> rows = result.fetchAll();
            return rows.getFirst().getFirst();
        }
    }

    private static boolean hasRows(StatementContext context, Table table)
    {
        try (QueryMemory memory = context.newQueryMemory();
                CloseableIterator<ColumnBatch> batches = table.scan(new ScanSpec(List.of(0), List.of()), memory.allocator())) {
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    if (batch.rowCount() > 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static BasaltException undefinedColumn(String table, String column)
    {
        return new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + table + "\" does not exist");
    }
}
