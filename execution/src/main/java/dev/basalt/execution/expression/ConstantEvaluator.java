package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.BaseVariableWidthVector;

import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A constant. Parents read it as a scalar ({@link #longValue()}, {@link #doubleValue()}, ...) and specialize
 * their loops; it is materialized into a vector only when a parent needs one (e.g. a projected literal).
 */
public final class ConstantEvaluator
        extends Evaluator
{
    private final Object value;
    private int materialized = -1;
    private FieldVector materializedVector;

    public ConstantEvaluator(Object value, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.value = value;
    }

    public Object value()
    {
        return value;
    }

    public boolean isNull()
    {
        return value == null;
    }

    @Override
    public boolean isConstant()
    {
        return true;
    }

    /**
     * The value as a long in its physical representation: integers, epoch days (DATE), epoch micros (TIMESTAMP),
     * the unscaled value of a short DECIMAL, 1/0 for BOOLEAN.
     */
    public long longValue()
    {
        return switch (value) {
            case Boolean b -> b ? 1 : 0;
            case BigDecimal d -> d.setScale(((DecimalType) type()).scale()).unscaledValue().longValueExact();
            case Number n -> n.longValue();
            case LocalDate d -> d.toEpochDay();
            case LocalDateTime t -> Values.timestampToMicros(t);
            default -> throw new IllegalStateException("not a long constant: " + value);
        };
    }

    public double doubleValue()
    {
        return ((Number) value).doubleValue();
    }

    /** The unscaled value of a DECIMAL constant. */
    public BigInteger unscaledValue()
    {
        return ((BigDecimal) value).setScale(((DecimalType) type()).scale()).unscaledValue();
    }

    public byte[] bytes()
    {
        return value instanceof byte[] blob ? blob : ((String) value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        return materialize(input.physicalRowCount());
    }

    /** A vector with the constant at every one of the first {@code physicalCount} positions. */
    public FieldVector materialize(int physicalCount)
    {
        if (materialized == physicalCount) {
            return materializedVector;
        }
        FieldVector vector = result(physicalCount);
        if (Vectors.isVariableWidth(type())) {
            BaseVariableWidthVector varchar = (BaseVariableWidthVector) vector;
            if (value == null) {
                for (int i = 0; i < physicalCount; i++) {
                    varchar.setNull(i);
                }
            }
            else {
                byte[] bytes = bytes();
                for (int i = 0; i < physicalCount; i++) {
                    varchar.setSafe(i, bytes);
                }
            }
            varchar.setValueCount(physicalCount);
        }
        else if (Vectors.width(type()) != Vectors.NONE && physicalCount > 0) {
            if (value == null) {
                Bitmaps.clearAll(Vectors.validityAlways(vector), physicalCount);
            }
            else {
                Values.write(vector, type(), 0, value);
                replicateFirst(vector, physicalCount);
                Bitmaps.setAll(Vectors.validityAlways(vector), physicalCount);
            }
        }
        materialized = physicalCount;
        materializedVector = vector;
        return vector;
    }

    @Override
    protected void resultTaken()
    {
        materialized = -1;
        materializedVector = null;
    }

    private void replicateFirst(FieldVector vector, int count)
    {
        int width = Vectors.width(type());
        MemorySegment data = Vectors.data(vector);
        if (width == Vectors.BIT) {
            boolean bit = Bitmaps.get(data, 0);
            if (bit) {
                Bitmaps.setAll(data, count);
            }
            else {
                Bitmaps.clearAll(data, count);
            }
            return;
        }
        long filled = width;
        long total = (long) width * count;
        while (filled < total) {
            long chunk = Math.min(filled, total - filled);
            MemorySegment.copy(data, 0, data, filled, chunk);
            filled += chunk;
        }
    }

    @Override
    public String toString()
    {
        return type() instanceof DateType || type() instanceof TimestampType || type() instanceof VarcharType
                ? "'" + value + "'"
                : String.valueOf(value);
    }
}
