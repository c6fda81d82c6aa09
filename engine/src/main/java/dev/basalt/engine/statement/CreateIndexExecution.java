package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.tree.CreateIndex;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON t (columns) [WHERE predicate]. The predicate is stored as SQL
 * text (formatted from the AST) after checking that it compiles against the table; storage builds the index.
 */
public final class CreateIndexExecution implements StatementExecution
{
    private final CreateIndex statement;

    public CreateIndexExecution(CreateIndex statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        Catalog catalog = context.catalog();
        Table table = Names.existingTable(catalog, statement.table());
        if (catalog.getIndex(name).isPresent()) {
            if (statement.ifNotExists()) {
                return new UpdateCountResult(0);
            }
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "an index named \"" + name + "\" already exists");
        }
        TableSchema schema = table.schema();
        List<String> columns = new ArrayList<>();
        for (Identifier column : statement.columns()) {
            if (schema.indexOf(column.value()).isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.value() + "\" of table \"" + schema.name() + "\" does not exist");
            }
            columns.add(column.value());
        }
        Optional<String> predicate = statement.where().map(CreateIndexExecution::predicateText);
        // fails here with the predicate's error (unknown column, not boolean, ...) rather than inside storage
        predicate.ifPresent(sql -> context.rowFilterCompiler().compile(schema, sql));
        catalog.createIndex(new IndexDefinition(name, schema.name(), columns, predicate, statement.unique()));
        return new UpdateCountResult(0);
    }

    private static String predicateText(Expression where)
    {
        return SqlFormatter.format(where);
    }
}
