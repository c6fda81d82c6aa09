package dev.basalt.engine;

import dev.basalt.execution.expression.Evaluator;
import dev.basalt.execution.expression.ExpressionCompiler;
import dev.basalt.planner.Planner;
import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.RowFilterCompiler;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.NullType;
import dev.basalt.storage.MemoryCatalog;
import org.apache.arrow.memory.BufferAllocator;

import static java.util.Objects.requireNonNull;

/**
 * The engine's {@link RowFilterCompiler} for storage: binds an index predicate with the planner and evaluates it
 * with the execution module's vectorized expression evaluators. Index predicates always use the default planner
 * settings, so an index means the same whatever a session SET.
 */
final class EngineRowFilterCompiler
        implements RowFilterCompiler
{
    /** Binding a predicate reads no table, but the planner needs a catalog (also while storage opens the real one). */
    private static final Catalog NO_TABLES = new MemoryCatalog();

    private final BufferAllocator allocator;

    /** @param allocator memory for evaluation results, released after every batch */
    EngineRowFilterCompiler(BufferAllocator allocator)
    {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    @Override
    public RowFilter compile(TableSchema schema, String predicateSql)
    {
        RowExpression predicate = new Planner(NO_TABLES, PlannerSettings.defaults()).planRowFilter(schema, predicateSql);
        if (!(predicate.type() instanceof BooleanType) && !(predicate.type() instanceof NullType)) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "an index predicate must be BOOLEAN, not " + predicate.type().sqlName() + ": " + predicateSql);
        }
        return new CompiledFilter(predicate, allocator);
    }

    /**
     * RowFilter has no close(): the evaluator tree (which holds result vectors) is compiled per call and closed
     * before returning, so nothing stays allocated between calls.
     */
    private record CompiledFilter(RowExpression predicate, BufferAllocator allocator)
            implements RowFilter
    {
        @Override
        public int select(ColumnBatch batch, int[] positions)
        {
            int count = batch.rowCount();
            if (count == 0) {
                return 0;
            }
            int[] rows = batch.hasSelection() ? batch.selection().positions() : null;
            try (Evaluator evaluator = new ExpressionCompiler(allocator).compile(predicate)) {
                return evaluator.filter(batch, rows, count, positions);
            }
        }
    }
}
