package dev.basalt.engine.statement;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.vector.FieldVector;

/** Enforces NOT NULL on batches about to be written to a table (columns in table order). */
final class NotNullCheck
{
    private NotNullCheck() {}

    static void check(TableSchema schema, ColumnBatch batch)
    {
        for (int column = 0; column < schema.columnCount(); column++) {
            Column definition = schema.column(column);
            if (definition.nullable()) {
                continue;
            }
            FieldVector vector = batch.column(column);
            if (vector.getNullCount() == 0) {
                continue;
            }
            // Nulls may sit only in rows the selection filtered out.
            for (int row = 0; row < batch.rowCount(); row++) {
                if (vector.isNull(batch.position(row))) {
                    throw violation(schema.name(), definition.name());
                }
            }
        }
    }

    static BasaltException violation(String table, String column)
    {
        return new BasaltException(ErrorCode.NOT_NULL_VIOLATION,
                "null value in column \"" + column + "\" of table \"" + table + "\" violates not-null constraint");
    }
}
