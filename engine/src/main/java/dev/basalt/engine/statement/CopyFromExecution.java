package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.csv.CsvLoader;
import dev.basalt.engine.csv.CsvOptions;
import dev.basalt.engine.csv.CsvReader;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.CopyFrom;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * COPY table [(columns)] FROM 'file' [options]: loads a CSV file all or nothing (the writer commits after the
 * last record; any error leaves the table as it was). Columns not listed get their DEFAULT (evaluated once per
 * COPY, so a volatile one such as random() is the same in every row) or NULL. NOT NULL and unique keys are
 * checked as for INSERT.
 */
public final class CopyFromExecution implements StatementExecution
{
    private final CopyFrom statement;

    public CopyFromExecution(CopyFrom statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        CsvOptions options = CopyOptionsParser.parse(statement.options(), context);
        Path path = Path.of(statement.path());
        Table table = Names.existingTable(context.catalog(), statement.table());
        TableSchema schema = table.schema();
        List<Integer> fileColumns = fileColumns(schema);
        try (QueryMemory memory = context.newQueryMemory();
                CsvReader reader = new CsvReader(open(path), statement.path(), options);
                CsvLoader loader = new CsvLoader(schema, fileColumns, missingValues(context, schema, fileColumns), statement.path(), options, memory.allocator());
                TableInserter inserter = TableInserter.open(context, table, ConflictAction.ERROR, memory.allocator())) {
            long rows = loader.load(reader, inserter.asWriter());
            inserter.commit();
            return new UpdateCountResult(rows);
        }
    }

    /** The DEFAULT of each column the file does not have, evaluated once for the whole COPY (null = NULL). */
    private static List<Object> missingValues(StatementContext context, TableSchema schema, List<Integer> fileColumns)
    {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            Optional<String> expression = schema.column(i).defaultExpression();
            values.add(expression.isPresent() && !fileColumns.contains(i)
                    ? AlterTableExecution.constant(context, context.parser().parseExpression(expression.get()), schema.column(i).type())
                    : null);
        }
        return values;
    }

    private List<Integer> fileColumns(TableSchema schema)
    {
        List<Integer> columns = new ArrayList<>();
        if (statement.columns().isEmpty()) {
            for (int i = 0; i < schema.columnCount(); i++) {
                columns.add(i);
            }
            return columns;
        }
        Set<String> seen = new HashSet<>();
        for (Identifier column : statement.columns()) {
            OptionalInt index = schema.indexOf(column.value());
            if (index.isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.value() + "\" of table \"" + schema.name() + "\" does not exist");
            }
            if (!seen.add(column.value())) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column.value() + "\" specified more than once");
            }
            columns.add(index.getAsInt());
        }
        return columns;
    }

    private static InputStream open(Path path)
    {
        try {
            return Files.newInputStream(path);
        }
        catch (NoSuchFileException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "could not open file '" + path + "' for reading: no such file", e);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "could not open file '" + path + "' for reading: " + e.getMessage(), e);
        }
    }
}
