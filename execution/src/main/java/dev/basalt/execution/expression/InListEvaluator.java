package dev.basalt.execution.expression;

import dev.basalt.execution.hash.BytesHashSet;
import dev.basalt.execution.hash.LongHashSet;
import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.execution.vector.Bitmaps;
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
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code value IN (e1, e2, ...)}: TRUE if equal to some element; else NULL if the value or some element is NULL;
 * else FALSE. Constant elements go into a hash set (longs, doubles or byte strings) probed once per row; other
 * elements are compared one by one on the rows not matched yet.
 */
public final class InListEvaluator
        extends Evaluator
{
    private enum SetKind
    {
        LONG, INT, SHORT, BOOLEAN, DOUBLE, FLOAT, VARCHAR, NONE
    }

    private final Evaluator value;
    private final SetKind setKind;
    private final LongHashSet longSet;
    private final BytesHashSet bytesSet;
    private final boolean constantNull;
    private final boolean constantSetEmpty;
    private final List<Evaluator> others = new ArrayList<>();
    private final List<ColumnComparison> otherComparisons = new ArrayList<>();
    private int[] pending = new int[0];
    private int[] matched = new int[0];
    private boolean[] marks = new boolean[0];
    private boolean[] nullSeen = new boolean[0];

    public InListEvaluator(Evaluator value, List<Evaluator> list, BufferAllocator allocator)
    {
        super(BooleanType.BOOLEAN, allocator);
        this.value = child(value);
        DataType type = value.type();
        SetKind kind = switch (type) {
            case BigintType t -> SetKind.LONG;
            case TimestampType t -> SetKind.LONG;
            case DecimalType t when t.isShort() -> SetKind.LONG;
            case IntegerType t -> SetKind.INT;
            case DateType t -> SetKind.INT;
            case SmallintType t -> SetKind.SHORT;
            case BooleanType t -> SetKind.BOOLEAN;
            case DoubleType t -> SetKind.DOUBLE;
            case RealType t -> SetKind.FLOAT;
            case VarcharType _, BlobType _ -> SetKind.VARCHAR;
            default -> SetKind.NONE;
        };
        LongHashSet longs = new LongHashSet(list.size());
        List<byte[]> strings = new ArrayList<>();
        boolean sawNull = false;
        int constants = 0;
        for (Evaluator element : list) {
            if (element instanceof ConstantEvaluator c && kind != SetKind.NONE) {
                child(c);
                if (c.isNull()) {
                    sawNull = true;
                    continue;
                }
                constants++;
                switch (kind) {
                    case LONG, INT, SHORT, BOOLEAN -> longs.add(c.longValue());
                    case DOUBLE, FLOAT -> {
                        double d = c.doubleValue();
                        if (!Double.isNaN(d)) {
                            longs.add(Double.doubleToLongBits(d == 0 ? 0.0 : d));
                        }
                    }
                    case VARCHAR -> strings.add(c.bytes());
                    case NONE -> throw new IllegalStateException();
                }
            }
            else {
                others.add(child(element));
                otherComparisons.add(new ColumnComparison(CompareOp.EQUAL, type, element.type()));
            }
        }
        this.setKind = constants == 0 ? SetKind.NONE : kind;
        this.longSet = longs;
        this.bytesSet = kind == SetKind.VARCHAR ? new BytesHashSet(strings) : null;
        this.constantNull = sawNull;
        this.constantSetEmpty = constants == 0;
    }

    private void ensureScratch(int count, int physical)
    {
        if (pending.length < count) {
            pending = new int[Math.max(count, 64)];
            matched = new int[Math.max(count, 64)];
        }
        if (marks.length < physical) {
            marks = new boolean[Math.max(physical, 64)];
            nullSeen = new boolean[Math.max(physical, 64)];
        }
    }

    /** Marks matching rows in {@code marks}, NULL-producing ones in {@code nullSeen}; returns the value vector. */
    private FieldVector probe(ColumnBatch input, int[] rows, int count)
    {
        ensureScratch(count, input.physicalRowCount());
        FieldVector vector = value.evaluate(input, rows, count);
        MemorySegment validity = Vectors.validity(vector);
        MemorySegment data = Vectors.data(vector);
        VarcharInput strings = setKind == SetKind.VARCHAR ? VarcharInput.of(vector) : null;
        int remaining = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            marks[p] = false;
            nullSeen[p] = constantNull;
            if (!Bitmaps.isSet(validity, p)) {
                nullSeen[p] = true;
                continue;
            }
            boolean hit = switch (setKind) {
                case LONG -> longSet.contains(data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p));
                case INT -> longSet.contains(data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p));
                case SHORT -> longSet.contains(data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p));
                case BOOLEAN -> longSet.contains(Bitmaps.get(data, p) ? 1 : 0);
                case DOUBLE -> {
                    double d = data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p);
                    yield longSet.contains(Double.doubleToLongBits(d == 0 ? 0.0 : d));
                }
                case FLOAT -> {
                    double d = data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p);
                    yield longSet.contains(Double.doubleToLongBits(d == 0 ? 0.0 : d));
                }
                case VARCHAR -> bytesSet.contains(strings.data, strings.start(p), strings.length(p));
                case NONE -> false;
            };
            if (hit) {
                marks[p] = true;
            }
            else {
                pending[remaining++] = p;
            }
        }
        for (int k = 0; k < others.size() && remaining > 0; k++) {
            FieldVector element = others.get(k).evaluate(input, pending, remaining);
            MemorySegment elementValidity = Vectors.validity(element);
            int m = otherComparisons.get(k).select(vector, element, pending, remaining, matched);
            for (int i = 0; i < m; i++) {
                marks[matched[i]] = true;
            }
            int kept = 0;
            for (int i = 0; i < remaining; i++) {
                int p = pending[i];
                if (!marks[p]) {
                    if (!Bitmaps.isSet(elementValidity, p)) {
                        nullSeen[p] = true;
                    }
                    pending[kept++] = p;
                }
            }
            remaining = kept;
        }
        return vector;
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        probe(input, rows, count);
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            out[n] = p;
            n += marks[p] ? 1 : 0;
        }
        return n;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        probe(input, rows, count);
        int physical = input.physicalRowCount();
        FieldVector result = result(physical);
        MemorySegment data = Vectors.data(result);
        MemorySegment validity = Vectors.validityAlways(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            Bitmaps.set(data, p, marks[p]);
            Bitmaps.set(validity, p, marks[p] || !nullSeen[p]);
        }
        return result;
    }

    boolean hasOnlyConstants()
    {
        return others.isEmpty() && !constantSetEmpty;
    }
}
