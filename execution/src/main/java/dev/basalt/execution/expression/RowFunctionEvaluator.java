package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Base of the library functions that compute one row at a time over typed operand views (no boxing): subclasses
 * read operands with {@link #longAt}/{@link #doubleAt}/{@link #stringAt} and write the result with the
 * {@code set*} methods. Strict by default (a NULL operand gives NULL without calling {@link #compute}).
 */
abstract class RowFunctionEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final Evaluator[] operands;
    private final int[] widths;
    private final boolean[] floating;
    private final MemorySegment[] data;
    private final MemorySegment[] validity;
    private final VarcharInput[] strings;
    private final boolean strict;
    private final int resultWidth;
    private final boolean resultDouble;

    private FieldVector result;
    private MemorySegment resultData;
    private MemorySegment resultValidity;

    protected RowFunctionEvaluator(List<Evaluator> operands, boolean strict, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.strict = strict;
        int n = operands.size();
        this.operands = new Evaluator[n];
        this.widths = new int[n];
        this.floating = new boolean[n];
        this.data = new MemorySegment[n];
        this.validity = new MemorySegment[n];
        this.strings = new VarcharInput[n];
        for (int k = 0; k < n; k++) {
            this.operands[k] = child(operands.get(k));
            DataType operandType = operands.get(k).type();
            widths[k] = Vectors.width(operandType);
            floating[k] = operandType instanceof DoubleType || operandType instanceof RealType;
        }
        this.resultWidth = Vectors.width(type);
        this.resultDouble = type instanceof DoubleType;
    }

    protected final int operandCount()
    {
        return operands.length;
    }

    protected final DataType operandType(int k)
    {
        return operands[k].type();
    }

    /** Called once per batch before the rows, e.g. to compile a constant pattern. */
    protected void prepare() {}

    /** Computes the value at position {@code p} and writes it (or NULL) with the {@code set*} methods. */
    protected abstract void compute(int p);

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        for (int k = 0; k < operands.length; k++) {
            if (widths[k] == Vectors.VARIABLE) {
                strings[k] = operands[k] instanceof ConstantEvaluator c && !c.isNull()
                        ? VarcharInput.constant(c.bytes())
                        : VarcharInput.of(operands[k].evaluate(input, rows, count));
            }
            else {
                FieldVector vector = operands[k].evaluate(input, rows, count);
                data[k] = widths[k] == Vectors.NONE ? null : Vectors.data(vector);
                // a NullVector has no buffers: every value is NULL
                validity[k] = widths[k] == Vectors.NONE ? MemorySegment.ofArray(new long[(physical >>> 6) + 1]) : Vectors.validity(vector);
            }
        }
        result = result(physical);
        boolean varchar = resultWidth == Vectors.VARIABLE;
        resultData = varchar ? null : Vectors.data(result);
        resultValidity = varchar ? null : Vectors.validityAlways(result);
        prepare();
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (strict && anyNull(p)) {
                setNull(p);
                continue;
            }
            compute(p);
        }
        if (varchar) {
            result.setValueCount(physical);
        }
        return result;
    }

    private boolean anyNull(int p)
    {
        for (int k = 0; k < operands.length; k++) {
            if (isNull(k, p)) {
                return true;
            }
        }
        return false;
    }

    protected final boolean isNull(int k, int p)
    {
        return widths[k] == Vectors.VARIABLE ? strings[k].isNull(p) : !Bitmaps.isSet(validity[k], p);
    }

    /** Integers, BOOLEAN as 0/1, DATE as epoch days, TIMESTAMP as epoch microseconds. */
    protected final long longAt(int k, int p)
    {
        return switch (widths[k]) {
            case Vectors.BIT -> Bitmaps.get(data[k], p) ? 1 : 0;
            case 2 -> data[k].getAtIndex(SHORT, p);
            case 4 -> floating[k] ? (long) data[k].getAtIndex(FLOAT, p) : data[k].getAtIndex(INT, p);
            default -> floating[k] ? (long) data[k].getAtIndex(DOUBLE, p) : data[k].getAtIndex(LONG, p);
        };
    }

    /** A DATE or TIMESTAMP operand as epoch microseconds. */
    protected final long microsAt(int k, int p)
    {
        long value = longAt(k, p);
        return operands[k].type() instanceof DateType ? value * DateTimes.MICROS_PER_DAY : value;
    }

    protected final double doubleAt(int k, int p)
    {
        if (floating[k]) {
            return widths[k] == 4 ? data[k].getAtIndex(FLOAT, p) : data[k].getAtIndex(DOUBLE, p);
        }
        return longAt(k, p);
    }

    protected final VarcharInput varcharAt(int k)
    {
        return strings[k];
    }

    protected final String stringAt(int k, int p)
    {
        return strings[k].string(p);
    }

    protected final boolean isTimestamp(int k)
    {
        return operands[k].type() instanceof TimestampType;
    }

    protected final FieldVector resultVector()
    {
        return result;
    }

    /** Marks a value written directly into {@link #resultVector} as valid (fixed-width results). */
    protected final void setValid(int p)
    {
        Bitmaps.set(resultValidity, p);
    }

    protected final void setNull(int p)
    {
        if (resultWidth == Vectors.VARIABLE) {
            ((BaseVariableWidthVector) result).setNull(p);
        }
        else {
            Bitmaps.clear(resultValidity, p);
        }
    }

    /** For integer, DATE (epoch days) and TIMESTAMP (epoch micros) results; DOUBLE results convert. */
    protected final void setLong(int p, long value)
    {
        Bitmaps.set(resultValidity, p);
        if (resultDouble) {
            resultData.setAtIndex(DOUBLE, p, value);
            return;
        }
        switch (resultWidth) {
            case 2 -> resultData.setAtIndex(SHORT, p, (short) value);
            case 4 -> resultData.setAtIndex(INT, p, (int) value);
            default -> resultData.setAtIndex(LONG, p, value);
        }
    }

    protected final void setDouble(int p, double value)
    {
        Bitmaps.set(resultValidity, p);
        resultData.setAtIndex(DOUBLE, p, value);
    }

    protected final void setBoolean(int p, boolean value)
    {
        Bitmaps.set(resultValidity, p);
        Bitmaps.set(resultData, p, value);
    }

    protected final void setString(int p, String value)
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ((BaseVariableWidthVector) result).setSafe(p, bytes, 0, bytes.length);
    }

    /** For VARCHAR (UTF-8) and BLOB results. */
    protected final void setBytes(int p, byte[] bytes)
    {
        ((BaseVariableWidthVector) result).setSafe(p, bytes, 0, bytes.length);
    }

    /** IntervalMonthDayNano: months (int), days (int), nanoseconds (long). */
    protected final void setInterval(int p, int months, int days, long micros)
    {
        Bitmaps.set(resultValidity, p);
        resultData.set(INT, 16L * p, months);
        resultData.set(INT, 16L * p + 4, days);
        resultData.set(LONG, 16L * p + 8, micros * 1000);
    }

    static boolean isVarchar(DataType type)
    {
        return type instanceof VarcharType;
    }

    static boolean isBoolean(DataType type)
    {
        return type instanceof BooleanType;
    }
}
