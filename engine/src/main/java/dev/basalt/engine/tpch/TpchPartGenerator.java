package dev.basalt.engine.tpch;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.VarcharType;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Generates one part of a TPC-H table (io.trino.tpch splits every table into equal parts, so parts can be made
 * in parallel) straight into column vectors: batches of {@link ColumnBatch#DEFAULT_ROW_COUNT} rows in the
 * table's column order and types. Money and quantities become unscaled DECIMAL longs, dates epoch days.
 */
final class TpchPartGenerator<E extends TpchEntity>
{
    private static final int INTEGER_KIND = 0;
    private static final int IDENTIFIER_KIND = 1;
    private static final int DECIMAL_KIND = 2;
    private static final int VARCHAR_KIND = 3;
    private static final int DATE_KIND = 4;

    private final TableSchema schema;
    private final TpchTable<E> source;
    private final List<TpchColumn<E>> columns;
    private final int[] kinds;
    private final long[] decimalFactors;

    TpchPartGenerator(TableSchema schema, TpchTable<E> source)
    {
        this.schema = requireNonNull(schema, "schema is null");
        this.source = requireNonNull(source, "source is null");
        int columnCount = schema.columnCount();
        this.columns = new ArrayList<>(columnCount);
        this.kinds = new int[columnCount];
        this.decimalFactors = new long[columnCount];
        for (int i = 0; i < columnCount; i++) {
            Column column = schema.column(i);
            TpchColumn<E> generated = source.getColumn(column.name());
            columns.add(generated);
            kinds[i] = kind(column, generated);
            if (column.type() instanceof DecimalType decimal) {
                long factor = 1;
                for (int s = 0; s < decimal.scale(); s++) {
                    factor *= 10;
                }
                decimalFactors[i] = factor;
            }
        }
    }

    /** The batches of part {@code part} (1-based) of {@code partCount}; the caller owns and closes them. */
    List<ColumnBatch> generate(double scaleFactor, int part, int partCount, BufferAllocator allocator)
    {
        List<ColumnBatch> batches = new ArrayList<>();
        List<FieldVector> vectors = null;
        try {
            int row = 0;
            for (E entity : source.createGenerator(scaleFactor, part, partCount)) {
                if (vectors == null) {
                    vectors = newVectors(allocator);
                }
                for (int i = 0; i < kinds.length; i++) {
                    TpchColumn<E> column = columns.get(i);
                    FieldVector vector = vectors.get(i);
                    switch (kinds[i]) {
                        case INTEGER_KIND -> ((IntVector) vector).set(row, column.getInteger(entity));
                        case IDENTIFIER_KIND -> ((IntVector) vector).set(row, Math.toIntExact(column.getIdentifier(entity)));
                        case DECIMAL_KIND -> ((BigIntVector) vector).set(row, Math.round(column.getDouble(entity) * decimalFactors[i]));
                        case VARCHAR_KIND -> ((VarCharVector) vector).setSafe(row, column.getString(entity).getBytes(StandardCharsets.UTF_8));
                        case DATE_KIND -> ((DateDayVector) vector).set(row, column.getDate(entity));
                        default -> throw new IllegalStateException("unknown column kind " + kinds[i]);
                    }
                }
                row++;
                if (row == ColumnBatch.DEFAULT_ROW_COUNT) {
                    batches.add(seal(vectors, row));
                    vectors = null;
                    row = 0;
                }
            }
            if (vectors != null) {
                batches.add(seal(vectors, row));
                vectors = null;
            }
            return batches;
        }
        catch (Throwable failure) {
            if (vectors != null) {
                for (FieldVector vector : vectors) {
                    vector.close();
                }
            }
            for (ColumnBatch batch : batches) {
                batch.close();
            }
            throw failure;
        }
    }

    private List<FieldVector> newVectors(BufferAllocator allocator)
    {
        List<FieldVector> vectors = new ArrayList<>(kinds.length);
        try {
            for (Column column : schema.columns()) {
                FieldVector vector = (FieldVector) column.type().toField(column.name(), column.nullable()).createVector(allocator);
                vectors.add(vector);
                vector.setInitialCapacity(ColumnBatch.DEFAULT_ROW_COUNT);
                vector.allocateNew();
            }
            return vectors;
        }
        catch (Throwable failure) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            throw failure;
        }
    }

    private static ColumnBatch seal(List<FieldVector> vectors, int rows)
    {
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        return ColumnBatch.of(vectors, rows);
    }

    private int kind(Column column, TpchColumn<?> generated)
    {
        TpchColumnType.Base base = generated.getType().getBase();
        int kind = switch (column.type()) {
            case IntegerType t when base == TpchColumnType.Base.IDENTIFIER -> IDENTIFIER_KIND;
            case IntegerType t when base == TpchColumnType.Base.INTEGER -> INTEGER_KIND;
            case DecimalType t when base == TpchColumnType.Base.DOUBLE && t.isShort() -> DECIMAL_KIND;
            case VarcharType t when base == TpchColumnType.Base.VARCHAR -> VARCHAR_KIND;
            case DateType t when base == TpchColumnType.Base.DATE -> DATE_KIND;
            default -> -1;
        };
        if (kind < 0) {
            throw new IllegalStateException("TPC-H column " + schema.name() + "." + column.name() + " of type " + column.type() + " cannot hold generated " + base);
        }
        return kind;
    }
}
