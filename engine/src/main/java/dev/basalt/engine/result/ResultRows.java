package dev.basalt.engine.result;

import dev.basalt.engine.QueryResult;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reads a result's remaining batches into Java objects (the slow, convenient path for small results). */
final class ResultRows
{
    private ResultRows() {}

    static List<List<Object>> readAll(QueryResult result)
    {
        List<Column> columns = result.columns();
        List<List<Object>> rows = new ArrayList<>();
        ColumnBatch batch;
        while ((batch = result.nextBatch()) != null) {
            try (ColumnBatch owned = batch) {
                for (int row = 0; row < owned.rowCount(); row++) {
                    int position = owned.position(row);
                    Object[] values = new Object[columns.size()];
                    for (int column = 0; column < values.length; column++) {
                        values[column] = Values.read(owned.column(column), columns.get(column).type(), position);
                    }
                    // Arrays.asList keeps nulls (List.of would reject them); unmodifiable like every result row.
                    rows.add(Collections.unmodifiableList(Arrays.asList(values)));
                }
            }
        }
        return rows;
    }
}
