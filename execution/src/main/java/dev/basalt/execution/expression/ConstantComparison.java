package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static dev.basalt.execution.expression.ColumnComparison.FLOAT;
import static dev.basalt.execution.expression.ColumnComparison.INT;
import static dev.basalt.execution.expression.ColumnComparison.LONG;
import static dev.basalt.execution.expression.ColumnComparison.SHORT;
import static java.util.Objects.requireNonNull;

/**
 * Compares a column with a non-NULL constant ({@code column op constant}) and selects the rows where it is TRUE.
 * The constant is converted once to the column's physical representation; a DECIMAL constant of another scale is
 * rounded so that the comparison stays exact ({@code x < 1.005} on DECIMAL(15,2) becomes {@code x < 1.01}).
 */
public final class ConstantComparison
{
    private enum Outcome
    {
        COMPARE, NONE, ALL_PRESENT
    }

    private final CompareOp op;
    private final ComparisonKind kind;
    private final Outcome outcome;
    private final long longConstant;
    private final long highConstant;
    private final double doubleConstant;
    private final byte[] bytesConstant;
    private final MemorySegment bytesSegment;

    public ConstantComparison(CompareOp op, DataType columnType, ConstantEvaluator constant)
    {
        requireNonNull(op, "op is null");
        requireNonNull(constant, "constant is null");
        if (constant.isNull()) {
            throw new IllegalArgumentException("NULL constants are folded before comparison");
        }
        ComparisonKind kind = ComparisonKind.of(columnType, constant.type());
        Outcome outcome = Outcome.COMPARE;
        long longValue = 0;
        long high = 0;
        double doubleValue = 0;
        byte[] bytes = null;
        switch (kind) {
            case LONG, DECIMAL -> {
                if (columnType instanceof DecimalType decimal) {
                    BigDecimal value = (BigDecimal) constant.value();
                    BigDecimal scaled = value.movePointRight(decimal.scale());
                    boolean exact = scaled.signum() == 0 || scaled.stripTrailingZeros().scale() <= 0;
                    BigInteger target = switch (op) {
                        case LESS_THAN, GREATER_THAN_OR_EQUAL -> scaled.setScale(0, RoundingMode.CEILING).toBigInteger();
                        case LESS_THAN_OR_EQUAL, GREATER_THAN -> scaled.setScale(0, RoundingMode.FLOOR).toBigInteger();
                        case EQUAL, NOT_EQUAL -> exact ? scaled.toBigInteger() : null;
                    };
                    BigInteger bound = DecimalMath.bigPowerOfTen(decimal.precision());
                    if (target == null) {
                        outcome = op == CompareOp.EQUAL ? Outcome.NONE : Outcome.ALL_PRESENT;
                    }
                    else if (target.compareTo(bound) >= 0) {
                        outcome = switch (op) {
                            case LESS_THAN, LESS_THAN_OR_EQUAL, NOT_EQUAL -> Outcome.ALL_PRESENT;
                            case GREATER_THAN, GREATER_THAN_OR_EQUAL, EQUAL -> Outcome.NONE;
                        };
                    }
                    else if (target.compareTo(bound.negate()) <= 0) {
                        outcome = switch (op) {
                            case GREATER_THAN, GREATER_THAN_OR_EQUAL, NOT_EQUAL -> Outcome.ALL_PRESENT;
                            case LESS_THAN, LESS_THAN_OR_EQUAL, EQUAL -> Outcome.NONE;
                        };
                    }
                    else {
                        longValue = target.longValue();
                        high = target.shiftRight(64).longValue();
                    }
                    kind = decimal.isShort() ? ComparisonKind.LONG : ComparisonKind.DECIMAL;
                }
                else {
                    longValue = constant.longValue();
                }
            }
            case INT, SHORT, BOOLEAN -> longValue = constant.longValue();
            case DOUBLE, FLOAT -> doubleValue = constant.doubleValue();
            case VARCHAR -> bytes = constant.bytes();
            case INTERVAL -> {
                Interval interval = (Interval) constant.value();
                long days = 30L * interval.months() + interval.days();
                long nanos = Math.multiplyExact(interval.micros(), 1000L);
                long[] total = {Math.multiplyHigh(days, 86_400_000_000_000L), days * 86_400_000_000_000L};
                DecimalMath.add(total[0], total[1], nanos >> 63, nanos, total);
                high = total[0];
                longValue = total[1];
            }
            case NULL -> outcome = Outcome.NONE;
        }
        this.op = op;
        this.kind = kind;
        this.outcome = outcome;
        this.longConstant = longValue;
        this.highConstant = high;
        this.doubleConstant = doubleValue;
        this.bytesConstant = bytes;
        this.bytesSegment = bytes == null ? null : MemorySegment.ofArray(bytes);
    }

    public CompareOp op()
    {
        return op;
    }

    /** True when the comparison reads the column as longs (BIGINT, TIMESTAMP, short DECIMAL): range fusion applies. */
    boolean isLongKernel()
    {
        return kind == ComparisonKind.LONG && outcome == Outcome.COMPARE;
    }

    boolean isIntKernel()
    {
        return kind == ComparisonKind.INT && outcome == Outcome.COMPARE;
    }

    long longConstant()
    {
        return longConstant;
    }

    public int select(FieldVector column, int[] rows, int count, int[] out)
    {
        if (outcome == Outcome.NONE || kind == ComparisonKind.NULL) {
            return 0;
        }
        MemorySegment validity = Vectors.validity(column);
        if (outcome == Outcome.ALL_PRESENT) {
            return selectPresent(validity, rows, count, out);
        }
        MemorySegment data = Vectors.data(column);
        return switch (kind) {
            case LONG -> Kernels.get().selectLong(op, data, validity, rows, count, longConstant, out);
            case INT -> Kernels.get().selectInt(op, data, validity, rows, count, (int) longConstant, out);
            case DOUBLE -> Kernels.get().selectDouble(op, data, validity, rows, count, doubleConstant, out);
            case SHORT -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(validity, p) && op.test(Long.compare(data.getAtIndex(SHORT, p), longConstant));
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case FLOAT -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(validity, p) && ColumnComparison.testDouble(op, data.getAtIndex(FLOAT, p), doubleConstant);
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case BOOLEAN -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(validity, p) && op.test(Long.compare(Bitmaps.get(data, p) ? 1 : 0, longConstant));
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case DECIMAL -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    if (!Bitmaps.isSet(validity, p)) {
                        continue;
                    }
                    long low = data.getAtIndex(LONG, 2L * p);
                    long high = data.getAtIndex(LONG, 2L * p + 1);
                    out[n] = p;
                    n += op.test(DecimalMath.compare(high, low, highConstant, longConstant)) ? 1 : 0;
                }
                yield n;
            }
            case VARCHAR -> selectVarchar(column, validity, data, rows, count, out);
            case INTERVAL -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    if (!Bitmaps.isSet(validity, p)) {
                        continue;
                    }
                    long[] nanos = ColumnComparison.intervalNanos(data, p);
                    out[n] = p;
                    n += op.test(DecimalMath.compare(nanos[0], nanos[1], highConstant, longConstant)) ? 1 : 0;
                }
                yield n;
            }
            case NULL -> 0;
        };
    }

    private int selectVarchar(FieldVector column, MemorySegment validity, MemorySegment data, int[] rows, int count, int[] out)
    {
        MemorySegment offsets = Vectors.offsets(column);
        int constantLength = bytesConstant.length;
        int n = 0;
        if (op == CompareOp.EQUAL || op == CompareOp.NOT_EQUAL) {
            boolean wantEqual = op == CompareOp.EQUAL;
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                if (!Bitmaps.isSet(validity, p)) {
                    continue;
                }
                int start = offsets.getAtIndex(INT, p);
                int length = offsets.getAtIndex(INT, p + 1) - start;
                boolean equal = length == constantLength && Utf8.equals(data, start, length, bytesSegment, 0, constantLength);
                out[n] = p;
                n += equal == wantEqual ? 1 : 0;
            }
            return n;
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(validity, p)) {
                continue;
            }
            int start = offsets.getAtIndex(INT, p);
            int length = offsets.getAtIndex(INT, p + 1) - start;
            out[n] = p;
            n += op.test(Utf8.compare(data, start, length, bytesSegment, 0, constantLength)) ? 1 : 0;
        }
        return n;
    }

    static int selectPresent(MemorySegment validity, int[] rows, int count, int[] out)
    {
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            out[n] = p;
            n += Bitmaps.isSet(validity, p) ? 1 : 0;
        }
        return n;
    }
}
