package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.tree.ColumnDefinition;
import dev.basalt.parser.tree.CreateTable;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.TableConstraint;
import dev.basalt.parser.tree.TableConstraintType;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.NullType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * CREATE TABLE [IF NOT EXISTS]. PRIMARY KEY and UNIQUE constraints become unique indexes named as in PostgreSQL
 * ({@code <table>_pkey}, {@code <table>_<columns>_key}); primary-key columns are NOT NULL. Runs in a transaction,
 * so table and indexes appear together. A column's DEFAULT is checked as INSERT binds it (constant or built-in
 * functions, no columns, of an assignable type) and stored as SQL text; INSERT evaluates it for omitted columns.
 */
public final class CreateTableExecution implements StatementExecution
{
    private final CreateTable statement;

    public CreateTableExecution(CreateTable statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        List<List<String>> uniqueKeys = new ArrayList<>();
        Optional<List<String>> primaryKey = keys(name, uniqueKeys);
        TableSchema schema = withDefaults(context, new TableSchema(name, columns(name, primaryKey.orElse(List.of()))));
        Catalog catalog = context.catalog();
        if (Names.relationExists(catalog, name)) {
            if (statement.ifNotExists()) {
                return new UpdateCountResult(0);
            }
            throw duplicate(catalog, name);
        }
        catalog.createTable(schema);
        Set<String> indexNames = new HashSet<>();
        if (primaryKey.isPresent()) {
            createIndex(catalog, indexNames, name + "_pkey", name, primaryKey.get());
        }
        for (List<String> key : uniqueKeys) {
            createIndex(catalog, indexNames, name + "_" + String.join("_", key) + "_key", name, key);
        }
        return new UpdateCountResult(0);
    }

    private static void createIndex(Catalog catalog, Set<String> taken, String preferred, String table, List<String> columns)
    {
        // PostgreSQL numbers clashing constraint names: t_a_key, t_a_key1, ...
        String name = preferred;
        for (int suffix = 1; !taken.add(name) || catalog.getIndex(name).isPresent(); suffix++) {
            name = preferred + suffix;
        }
        catalog.createIndex(new IndexDefinition(name, table, columns, Optional.empty(), true));
    }

    /** The primary key (at most one) and the UNIQUE keys, from column and table constraints. */
    private Optional<List<String>> keys(String table, List<List<String>> uniqueKeys)
    {
        List<String> primaryKey = null;
        for (ColumnDefinition definition : statement.columns()) {
            if (definition.primaryKey()) {
                primaryKey = setPrimaryKey(table, primaryKey, List.of(definition.name().value()));
            }
            if (definition.unique()) {
                uniqueKeys.add(List.of(definition.name().value()));
            }
        }
        for (TableConstraint constraint : statement.constraints()) {
            Set<String> columns = new LinkedHashSet<>();
            for (Identifier column : constraint.columns()) {
                if (!columns.add(column.value())) {
                    throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column.value() + "\" appears twice in a key constraint");
                }
            }
            if (constraint.type() == TableConstraintType.PRIMARY_KEY) {
                primaryKey = setPrimaryKey(table, primaryKey, List.copyOf(columns));
            }
            else {
                uniqueKeys.add(List.copyOf(columns));
            }
        }
        return Optional.ofNullable(primaryKey);
    }

    private static List<String> setPrimaryKey(String table, List<String> existing, List<String> key)
    {
        if (existing != null) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "multiple primary keys for table \"" + table + "\" are not allowed");
        }
        return key;
    }

    private List<Column> columns(String table, List<String> primaryKey)
    {
        if (statement.columns().isEmpty()) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "table \"" + table + "\" must have at least one column");
        }
        Set<String> names = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        for (ColumnDefinition definition : statement.columns()) {
            String column = definition.name().value();
            if (!names.add(column)) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" specified more than once");
            }
            DataType type = definition.type().toDataType();
            if (type instanceof NullType) {
                throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column + "\" cannot have type NULL");
            }
            boolean nullable = definition.nullable() && !definition.primaryKey() && !primaryKey.contains(column);
            columns.add(new Column(column, type, nullable));
        }
        for (TableConstraint constraint : statement.constraints()) {
            for (Identifier column : constraint.columns()) {
                if (!names.contains(column.value())) {
                    throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.value() + "\" named in key does not exist");
                }
            }
        }
        return columns;
    }

    /** The columns with their DEFAULT expressions, each checked as INSERT will bind it and stored as SQL text. */
    private TableSchema withDefaults(StatementContext context, TableSchema schema)
    {
        List<Column> columns = new ArrayList<>(schema.columns());
        for (int i = 0; i < columns.size(); i++) {
            Optional<Expression> expression = statement.columns().get(i).defaultValue();
            if (expression.isPresent()) {
                String sql = defaultSql(context, schema, i, expression.get());
                // evaluated once so that a constant that does not convert ('abc' for an INTEGER) fails now, not at INSERT
                AlterTableExecution.constant(context, expression.get(), columns.get(i).type());
                columns.set(i, columns.get(i).withDefault(Optional.of(sql)));
            }
        }
        return new TableSchema(schema.name(), columns);
    }

    /** Validates a column's DEFAULT against {@code schema} (42804, 0A000, ...) and returns the SQL text to store. */
    static String defaultSql(StatementContext context, TableSchema schema, int ordinal, Expression expression)
    {
        context.planner().planColumnDefault(schema, ordinal, expression);
        return SqlFormatter.format(expression);
    }

    static BasaltException duplicate(Catalog catalog, String name)
    {
        String kind = catalog.getView(name).isPresent() ? "view" : "table";
        return new BasaltException(ErrorCode.DUPLICATE_TABLE, "a " + kind + " named \"" + name + "\" already exists");
    }
}
