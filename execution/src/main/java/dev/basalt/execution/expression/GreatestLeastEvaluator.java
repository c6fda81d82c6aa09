package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * GREATEST/LEAST(a, b, ...): the largest/smallest non-NULL operand, NULL only when all are NULL (PostgreSQL and
 * DuckDB; not NULL-strict). Operands all have the result type. Picks an operand index per row, then copies the
 * chosen values in one typed pass; floats order NaN above every number.
 */
public final class GreatestLeastEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    private final boolean greatest;
    private final Evaluator[] operands;
    private final FieldVector[] vectors;
    private final MemorySegment[] data;
    private final MemorySegment[] offsets;
    private final MemorySegment[] validity;
    private int[] chosen = new int[0];

    public GreatestLeastEvaluator(boolean greatest, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.greatest = greatest;
        this.operands = new Evaluator[operands.size()];
        for (int i = 0; i < this.operands.length; i++) {
            this.operands[i] = child(operands.get(i));
            if (!operands.get(i).type().equals(type) && !(type instanceof VarcharType && operands.get(i).type() instanceof VarcharType)) {
                throw new IllegalStateException("GREATEST/LEAST operand of type " + operands.get(i).type() + " for result " + type);
            }
        }
        this.vectors = new FieldVector[this.operands.length];
        this.data = new MemorySegment[this.operands.length];
        this.offsets = new MemorySegment[this.operands.length];
        this.validity = new MemorySegment[this.operands.length];
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        DataType type = type();
        for (int k = 0; k < operands.length; k++) {
            vectors[k] = operands[k].evaluate(input, rows, count);
            data[k] = Vectors.data(vectors[k]);
            validity[k] = Vectors.validity(vectors[k]);
            offsets[k] = Vectors.isVariableWidth(type) ? Vectors.offsets(vectors[k]) : null;
        }
        if (chosen.length < physical) {
            chosen = new int[Math.max(physical, 64)];
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            int best = -1;
            for (int k = 0; k < operands.length; k++) {
                if (!Bitmaps.isSet(validity[k], p)) {
                    continue;
                }
                if (best < 0) {
                    best = k;
                    continue;
                }
                int c = compare(type, k, best, p);
                if (greatest ? c > 0 : c < 0) {
                    best = k;
                }
            }
            chosen[p] = best;
        }
        FieldVector result = result(physical);
        if (type instanceof NullType) {
            return result;
        }
        VectorCopier.merge(type, vectors, chosen, rows, count, result);
        result.setValueCount(physical);
        return result;
    }

    private int compare(DataType type, int a, int b, int p)
    {
        MemorySegment x = data[a];
        MemorySegment y = data[b];
        return switch (type) {
            case BooleanType t -> Boolean.compare(Bitmaps.get(x, p), Bitmaps.get(y, p));
            case SmallintType t -> Short.compare(x.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p), y.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p));
            case IntegerType t -> Integer.compare(x.getAtIndex(INT, p), y.getAtIndex(INT, p));
            case DateType t -> Integer.compare(x.getAtIndex(INT, p), y.getAtIndex(INT, p));
            case BigintType t -> Long.compare(x.getAtIndex(LONG, p), y.getAtIndex(LONG, p));
            case TimestampType t -> Long.compare(x.getAtIndex(LONG, p), y.getAtIndex(LONG, p));
            case DecimalType t when t.isShort() -> Long.compare(x.getAtIndex(LONG, p), y.getAtIndex(LONG, p));
            case DecimalType t -> DecimalMath.compare(x.getAtIndex(LONG, 2L * p + 1), x.getAtIndex(LONG, 2L * p), y.getAtIndex(LONG, 2L * p + 1), y.getAtIndex(LONG, 2L * p));
            case RealType t -> Float.compare(x.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p), y.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p));
            case DoubleType t -> Double.compare(x.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p), y.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p));
            case VarcharType _, BlobType _ -> {
                int xs = offsets[a].getAtIndex(INT, p);
                int ys = offsets[b].getAtIndex(INT, p);
                yield Utf8.compare(x, xs, offsets[a].getAtIndex(INT, p + 1) - xs, y, ys, offsets[b].getAtIndex(INT, p + 1) - ys);
            }
            case IntervalType t -> {
                // months as 30 days, then micros: the order intervals compare in
                long xd = 30L * x.get(INT, 16L * p) + x.get(INT, 16L * p + 4);
                long yd = 30L * y.get(INT, 16L * p) + y.get(INT, 16L * p + 4);
                int c = Long.compare(xd, yd);
                yield c != 0 ? c : Long.compare(x.get(LONG, 16L * p + 8), y.get(LONG, 16L * p + 8));
            }
            case NullType t -> 0;
        };
    }
}
