package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.csv.CsvOptions;
import dev.basalt.engine.csv.CsvWriter;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.parser.tree.CopyTo;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** COPY table [(columns)] TO 'file' / COPY (query) TO 'file': writes CSV; the update count is the rows written. */
public final class CopyToExecution implements StatementExecution
{
    private final CopyTo statement;

    public CopyToExecution(CopyTo statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        CsvOptions options = CopyOptionsParser.parse(statement.options(), context);
        Path path = Path.of(statement.path());
        // Plan before touching the file, so that a bad query does not truncate it.
        PhysicalPlan plan = null;
        Table table = null;
        List<Integer> ordinals = null;
        List<Column> columns;
        if (statement.query().isPresent()) {
            if (!statement.columns().isEmpty()) {
                throw new BasaltException(ErrorCode.SYNTAX_ERROR, "COPY (query) TO does not take a column list");
            }
            plan = context.planner().planQuery(statement.query().get(), context.parameters());
            columns = plan.outputColumns();
        }
        else {
            table = Names.existingTable(context.catalog(), statement.table().orElseThrow());
            ordinals = ordinals(table.schema());
            columns = new ArrayList<>();
            for (int ordinal : ordinals) {
                columns.add(table.schema().column(ordinal));
            }
        }
        try (QueryMemory memory = context.newQueryMemory();
                CloseableIterator<ColumnBatch> batches = plan != null
                        ? PlanExecutor.execute(plan, context.executionContext(memory.allocator()))
                        : table.scan(new ScanSpec(ordinals, List.of()), memory.allocator());
                CsvWriter writer = new CsvWriter(create(path), statement.path(), options, columns)) {
            if (options.header()) {
                writer.writeHeader();
            }
            long rows = 0;
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    rows += writer.write(batch);
                }
            }
            return new UpdateCountResult(rows);
        }
    }

    private List<Integer> ordinals(TableSchema schema)
    {
        List<Integer> ordinals = new ArrayList<>();
        if (statement.columns().isEmpty()) {
            for (int i = 0; i < schema.columnCount(); i++) {
                ordinals.add(i);
            }
            return ordinals;
        }
        for (Identifier column : statement.columns()) {
            OptionalInt index = schema.indexOf(column.value());
            if (index.isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.value() + "\" of table \"" + schema.name() + "\" does not exist");
            }
            ordinals.add(index.getAsInt());
        }
        return ordinals;
    }

    private static OutputStream create(Path path)
    {
        try {
            return Files.newOutputStream(path);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "could not open file '" + path + "' for writing: " + e, e);
        }
    }
}
