package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.ColumnDefinition;
import dev.basalt.parser.tree.CreateTable;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.TableConstraint;
import dev.basalt.parser.tree.TableConstraintType;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.NullType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * CREATE TABLE [IF NOT EXISTS]. Key constraints are accepted but not enforced; primary-key columns are NOT NULL
 * as in PostgreSQL. DEFAULT values are not supported yet.
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
        TableSchema schema = new TableSchema(name, columns(name));
        context.writeLock().lock();
        try {
            if (context.catalog().getTable(name).isPresent()) {
                if (statement.ifNotExists()) {
                    return new UpdateCountResult(0);
                }
                throw duplicate(name);
            }
            context.catalog().createTable(schema);
            return new UpdateCountResult(0);
        }
        finally {
            context.writeLock().unlock();
        }
    }

    private List<Column> columns(String table)
    {
        if (statement.columns().isEmpty()) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "table \"" + table + "\" must have at least one column");
        }
        Set<String> primaryKey = new HashSet<>();
        for (TableConstraint constraint : statement.constraints()) {
            if (constraint.type() == TableConstraintType.PRIMARY_KEY) {
                for (Identifier column : constraint.columns()) {
                    primaryKey.add(column.value());
                }
            }
        }
        Set<String> names = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        for (ColumnDefinition definition : statement.columns()) {
            String column = definition.name().value();
            if (!names.add(column)) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" specified more than once");
            }
            if (definition.defaultValue().isPresent()) {
                throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: DEFAULT values (column \"" + column + "\")");
            }
            DataType type = definition.type().toDataType();
            if (type instanceof NullType) {
                throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column + "\" cannot have type NULL");
            }
            boolean nullable = definition.nullable() && !definition.primaryKey() && !primaryKey.contains(column);
            columns.add(new Column(column, type, nullable));
        }
        for (String column : primaryKey) {
            if (!names.contains(column)) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" named in key does not exist");
            }
        }
        return columns;
    }

    static BasaltException duplicate(String name)
    {
        return new BasaltException(ErrorCode.DUPLICATE_TABLE, "table \"" + name + "\" already exists");
    }
}
