package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
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
import dev.basalt.spi.value.Blobs;
import dev.basalt.spi.value.Interval;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * CAST / TRY_CAST between all types. Bad text raises 22P02 (numbers, booleans, intervals) or 22007 (dates,
 * timestamps) naming the value; values that do not fit raise 22003; TRY_CAST yields NULL instead. Numbers round
 * half away from zero into DECIMAL and integers from DECIMAL, half to even from floating point into integers (as
 * PostgreSQL and DuckDB). Text of a number is its shortest round-trip form (DuckDB style).
 */
public final class CastEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private enum Kind
    {
        INTEGRAL, BOOLEAN, REAL, DOUBLE, DECIMAL, VARCHAR, BLOB, DATE, TIMESTAMP, INTERVAL, NULL
    }

    private final Evaluator operand;
    private final boolean tryCast;
    private final DataType source;
    private final Kind from;
    private final Kind to;
    private final long[] decimal = new long[2];
    private MemorySegment data;
    private VarcharInput text;

    public CastEvaluator(Evaluator operand, DataType target, boolean tryCast, BufferAllocator allocator)
    {
        super(target, allocator);
        this.operand = child(operand);
        this.tryCast = tryCast;
        this.source = operand.type();
        this.from = kind(source);
        this.to = kind(target);
        if (!supported(from, to)) {
            // PostgreSQL's 42846 for BLOB (no conversion exists at all), 42804 as before for the others
            ErrorCode code = from == Kind.BLOB || to == Kind.BLOB ? ErrorCode.CANNOT_COERCE : ErrorCode.DATATYPE_MISMATCH;
            throw new BasaltException(code, "cannot cast type " + source.sqlName() + " to " + target.sqlName());
        }
    }

    private static Kind kind(DataType type)
    {
        return switch (type) {
            case SmallintType t -> Kind.INTEGRAL;
            case IntegerType t -> Kind.INTEGRAL;
            case BigintType t -> Kind.INTEGRAL;
            case BooleanType t -> Kind.BOOLEAN;
            case RealType t -> Kind.REAL;
            case DoubleType t -> Kind.DOUBLE;
            case DecimalType t -> Kind.DECIMAL;
            case VarcharType t -> Kind.VARCHAR;
            case BlobType t -> Kind.BLOB;
            case DateType t -> Kind.DATE;
            case TimestampType t -> Kind.TIMESTAMP;
            case IntervalType t -> Kind.INTERVAL;
            case NullType t -> Kind.NULL;
        };
    }

    private static boolean numeric(Kind kind)
    {
        return kind == Kind.INTEGRAL || kind == Kind.BOOLEAN || kind == Kind.REAL || kind == Kind.DOUBLE || kind == Kind.DECIMAL;
    }

    static boolean supported(Kind from, Kind to)
    {
        if (from == Kind.BLOB || to == Kind.BLOB) {
            // only the text form converts to and from bytes
            return from == to || from == Kind.NULL || from == Kind.VARCHAR || to == Kind.VARCHAR;
        }
        if (from == Kind.NULL || to == Kind.VARCHAR || from == Kind.VARCHAR || from == to) {
            return to != Kind.NULL || from == Kind.NULL;
        }
        if (numeric(from) && numeric(to)) {
            return true;
        }
        return (from == Kind.DATE && to == Kind.TIMESTAMP) || (from == Kind.TIMESTAMP && to == Kind.DATE);
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector value = operand.evaluate(input, rows, count);
        FieldVector result = result(physical);
        if (from == Kind.NULL) {
            return allNull(result, rows, count, physical);
        }
        data = Vectors.data(value);
        text = from == Kind.VARCHAR || from == Kind.BLOB ? VarcharInput.of(value) : null;
        MemorySegment sourceValidity = Vectors.validity(value);
        if (to == Kind.BLOB) {
            return toBlob(value, (BaseVariableWidthVector) result, rows, count, physical);
        }
        if (to == Kind.VARCHAR) {
            VarCharVector varchar = (VarCharVector) result;
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                if (Bitmaps.isSet(sourceValidity, p)) {
                    if (from == Kind.VARCHAR) {
                        int start = text.start(p);
                        varchar.setSafe(p, start, text.length(p), value.getDataBuffer());
                    }
                    else {
                        varchar.setSafe(p, toText(p).getBytes(StandardCharsets.UTF_8));
                    }
                }
                else {
                    varchar.setNull(p);
                }
            }
            varchar.setValueCount(physical);
            return result;
        }
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(sourceValidity, validity, physical);
        MemorySegment out = Vectors.data(result);
        if (fastPath(out, validity, rows, count)) {
            return result;
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            try {
                write(out, p);
            }
            catch (BasaltException e) {
                if (!tryCast) {
                    throw e;
                }
                Bitmaps.clear(validity, p);
            }
        }
        return result;
    }

    /** VARCHAR to BLOB reads the text form ({@code \xHH} escapes, raw ASCII); TRY_CAST makes bad text NULL. */
    private FieldVector toBlob(FieldVector value, BaseVariableWidthVector blob, int[] rows, int count, int physical)
    {
        MemorySegment sourceValidity = Vectors.validity(value);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(sourceValidity, p)) {
                blob.setNull(p);
                continue;
            }
            if (from == Kind.BLOB) {
                blob.setSafe(p, text.bytes(p));
                continue;
            }
            try {
                blob.setSafe(p, Blobs.fromText(text.string(p)));
            }
            catch (BasaltException e) {
                if (!tryCast) {
                    throw e;
                }
                blob.setNull(p);
            }
        }
        blob.setValueCount(physical);
        return blob;
    }

    private FieldVector allNull(FieldVector result, int[] rows, int count, int physical)
    {
        if (to == Kind.VARCHAR || to == Kind.BLOB) {
            for (int i = 0; i < count; i++) {
                ((BaseVariableWidthVector) result).setNull(rows == null ? i : rows[i]);
            }
            result.setValueCount(physical);
        }
        else if (to != Kind.NULL) {
            Bitmaps.clearAll(Vectors.validityAlways(result), physical);
        }
        return result;
    }

    /** Loops without per-row dispatch for the common casts; false when none applies. */
    private boolean fastPath(MemorySegment out, MemorySegment validity, int[] rows, int count)
    {
        int fromWidth = Vectors.width(source);
        int toWidth = Vectors.width(type());
        if (from == Kind.INTEGRAL && to == Kind.INTEGRAL && toWidth >= fromWidth) {
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                writeIntegral(out, toWidth, p, readIntegral(data, fromWidth, p));
            }
            return true;
        }
        if (from == Kind.INTEGRAL && to == Kind.DOUBLE) {
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                out.setAtIndex(DOUBLE, p, readIntegral(data, fromWidth, p));
            }
            return true;
        }
        if (from == Kind.DATE && to == Kind.TIMESTAMP) {
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                out.setAtIndex(LONG, p, data.getAtIndex(INT, p) * DateTimes.MICROS_PER_DAY);
            }
            return true;
        }
        if (from == Kind.DECIMAL && to == Kind.DOUBLE && ((DecimalType) source).isShort() && ((DecimalType) source).scale() <= 18) {
            double divisor = DecimalMath.POWERS_OF_TEN[((DecimalType) source).scale()];
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                long unscaled = data.getAtIndex(LONG, p);
                out.setAtIndex(DOUBLE, p, Math.abs(unscaled) < (1L << 53) ? unscaled / divisor : BigDecimal.valueOf(unscaled, ((DecimalType) source).scale()).doubleValue());
            }
            return true;
        }
        if (from == Kind.DECIMAL && to == Kind.DECIMAL && ((DecimalType) source).isShort() && ((DecimalType) type()).isShort()
                && Math.abs(((DecimalType) type()).scale() - ((DecimalType) source).scale()) <= 18) {
            DecimalType sourceType = (DecimalType) source;
            DecimalType target = (DecimalType) type();
            int shift = target.scale() - sourceType.scale();
            boolean check = shift > 0 || target.precision() - target.scale() < sourceType.precision() - sourceType.scale();
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                if (!Bitmaps.get(validity, p)) {
                    continue;
                }
                long unscaled = data.getAtIndex(LONG, p);
                long scaled;
                boolean fits = true;
                if (shift >= 0) {
                    long factor = DecimalMath.POWERS_OF_TEN[shift];
                    scaled = unscaled * factor;
                    fits = Math.multiplyHigh(unscaled, factor) == (scaled >> 63);
                }
                else {
                    scaled = DecimalMath.scaleDownRounded(unscaled, -shift);
                }
                if (!fits || check && !DecimalMath.fits(scaled, target.precision())) {
                    failRow(validity, p, target);
                    continue;
                }
                out.setAtIndex(LONG, p, scaled);
            }
            return true;
        }
        return false;
    }

    /** TRY_CAST: clears the row; CAST: raises 22003. */
    private void failRow(MemorySegment validity, int position, DataType target)
    {
        if (!tryCast) {
            throw outOfRange(target);
        }
        Bitmaps.clear(validity, position);
    }

    private static BasaltException outOfRange(DataType target)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range for type " + target.sqlName());
    }

    private static long readIntegral(MemorySegment data, int width, int position)
    {
        return switch (width) {
            case 2 -> data.getAtIndex(SHORT, position);
            case 4 -> data.getAtIndex(INT, position);
            default -> data.getAtIndex(LONG, position);
        };
    }

    private static void writeIntegral(MemorySegment out, int width, int position, long value)
    {
        switch (width) {
            case 2 -> out.setAtIndex(SHORT, position, (short) value);
            case 4 -> out.setAtIndex(INT, position, (int) value);
            default -> out.setAtIndex(LONG, position, value);
        }
    }

    private void write(MemorySegment out, int p)
    {
        DataType target = type();
        switch (to) {
            case INTEGRAL -> {
                long value = toIntegral(p);
                int width = Vectors.width(target);
                if (width == 2 && (short) value != value || width == 4 && (int) value != value) {
                    throw outOfRange(target);
                }
                writeIntegral(out, width, p, value);
            }
            case BOOLEAN -> Bitmaps.set(out, p, toBoolean(p));
            case REAL -> {
                double value = toDouble(p);
                float narrowed = (float) value;
                if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
                    throw outOfRange(target);
                }
                out.setAtIndex(FLOAT, p, narrowed);
            }
            case DOUBLE -> out.setAtIndex(DOUBLE, p, toDouble(p));
            case DECIMAL -> {
                DecimalType decimalType = (DecimalType) target;
                toDecimal(p, decimalType);
                if (!DecimalMath.fits(decimal[0], decimal[1], decimalType.precision())) {
                    throw outOfRange(target);
                }
                if (decimalType.isShort()) {
                    out.setAtIndex(LONG, p, decimal[1]);
                }
                else {
                    out.setAtIndex(LONG, 2L * p, decimal[1]);
                    out.setAtIndex(LONG, 2L * p + 1, decimal[0]);
                }
            }
            case DATE -> {
                long day = switch (from) {
                    case DATE -> data.getAtIndex(INT, p);
                    case TIMESTAMP -> Math.floorDiv(data.getAtIndex(LONG, p), DateTimes.MICROS_PER_DAY);
                    case VARCHAR -> TextConversions.parseDate(text.string(p));
                    default -> throw new IllegalStateException();
                };
                if ((int) day != day) {
                    throw DateTimes.dateOutOfRange();
                }
                out.setAtIndex(INT, p, (int) day);
            }
            case TIMESTAMP -> out.setAtIndex(LONG, p, switch (from) {
                case DATE -> data.getAtIndex(INT, p) * DateTimes.MICROS_PER_DAY;
                case TIMESTAMP -> data.getAtIndex(LONG, p);
                case VARCHAR -> TextConversions.parseTimestamp(text.string(p));
                default -> throw new IllegalStateException();
            });
            case INTERVAL -> {
                long offset = 16L * p;
                if (from == Kind.INTERVAL) {
                    MemorySegment.copy(data, offset, out, offset, 16);
                }
                else {
                    Interval interval = TextConversions.parseInterval(text.string(p));
                    out.set(ValueLayout.JAVA_INT_UNALIGNED, offset, interval.months());
                    out.set(ValueLayout.JAVA_INT_UNALIGNED, offset + 4, interval.days());
                    out.set(LONG, offset + 8, Math.multiplyExact(interval.micros(), 1000L));
                }
            }
            case VARCHAR, BLOB, NULL -> throw new IllegalStateException("handled by evaluate");
        }
    }

    private long toIntegral(int p)
    {
        return switch (from) {
            case INTEGRAL -> readIntegral(data, Vectors.width(source), p);
            case BOOLEAN -> Bitmaps.get(data, p) ? 1 : 0;
            case REAL, DOUBLE -> {
                double value = from == Kind.REAL ? data.getAtIndex(FLOAT, p) : data.getAtIndex(DOUBLE, p);
                double rounded = Math.rint(value);
                if (!(rounded >= -9.223372036854776E18 && rounded < 9.223372036854776E18)) {
                    throw outOfRange(type());
                }
                yield (long) rounded;
            }
            case DECIMAL -> {
                DecimalType decimalType = (DecimalType) source;
                ColumnComparison.readDecimal(data, decimalType, p, decimal);
                DecimalMath.scaleDownRounded(decimal[0], decimal[1], decimalType.scale(), decimal);
                if (!DecimalMath.isLong(decimal[0], decimal[1])) {
                    throw outOfRange(type());
                }
                yield decimal[1];
            }
            case VARCHAR -> TextConversions.parseLong(text.string(p), type().sqlName().toLowerCase(java.util.Locale.ROOT));
            default -> throw new IllegalStateException();
        };
    }

    private boolean toBoolean(int p)
    {
        return switch (from) {
            case BOOLEAN -> Bitmaps.get(data, p);
            case INTEGRAL -> readIntegral(data, Vectors.width(source), p) != 0;
            case REAL -> data.getAtIndex(FLOAT, p) != 0;
            case DOUBLE -> data.getAtIndex(DOUBLE, p) != 0;
            case DECIMAL -> {
                ColumnComparison.readDecimal(data, (DecimalType) source, p, decimal);
                yield decimal[0] != 0 || decimal[1] != 0;
            }
            case VARCHAR -> TextConversions.parseBoolean(text.string(p));
            default -> throw new IllegalStateException();
        };
    }

    private double toDouble(int p)
    {
        return switch (from) {
            case INTEGRAL -> readIntegral(data, Vectors.width(source), p);
            case BOOLEAN -> Bitmaps.get(data, p) ? 1 : 0;
            case REAL -> data.getAtIndex(FLOAT, p);
            case DOUBLE -> data.getAtIndex(DOUBLE, p);
            case DECIMAL -> decimalValue(p).doubleValue();
            case VARCHAR -> TextConversions.parseDouble(text.string(p), type() instanceof RealType ? "real" : "double precision");
            default -> throw new IllegalStateException();
        };
    }

    private BigDecimal decimalValue(int p)
    {
        DecimalType decimalType = (DecimalType) source;
        ColumnComparison.readDecimal(data, decimalType, p, decimal);
        return new BigDecimal(DecimalMath.toBigInteger(decimal[0], decimal[1]), decimalType.scale());
    }

    /** Writes the value as an unscaled decimal of the target type into {@link #decimal}. */
    private void toDecimal(int p, DecimalType target)
    {
        switch (from) {
            case INTEGRAL, BOOLEAN -> {
                long value = from == Kind.BOOLEAN ? (Bitmaps.get(data, p) ? 1 : 0) : readIntegral(data, Vectors.width(source), p);
                if (!DecimalMath.scaleUp(value >> 63, value, target.scale(), decimal)) {
                    throw outOfRange(target);
                }
            }
            case DECIMAL -> {
                DecimalType decimalType = (DecimalType) source;
                ColumnComparison.readDecimal(data, decimalType, p, decimal);
                int shift = target.scale() - decimalType.scale();
                if (shift >= 0) {
                    if (!DecimalMath.scaleUp(decimal[0], decimal[1], shift, decimal)) {
                        throw outOfRange(target);
                    }
                }
                else {
                    DecimalMath.scaleDownRounded(decimal[0], decimal[1], -shift, decimal);
                }
            }
            case REAL, DOUBLE -> {
                double value = from == Kind.REAL ? data.getAtIndex(FLOAT, p) : data.getAtIndex(DOUBLE, p);
                if (!Double.isFinite(value)) {
                    throw outOfRange(target);
                }
                setDecimal(BigDecimal.valueOf(value), target);
            }
            case VARCHAR -> setDecimal(TextConversions.parseDecimal(text.string(p), "numeric"), target);
            default -> throw new IllegalStateException();
        }
    }

    private void setDecimal(BigDecimal value, DecimalType target)
    {
        BigInteger unscaled = value.setScale(target.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (!DecimalMath.fromBigInteger(unscaled, decimal)) {
            throw outOfRange(target);
        }
    }

    private String toText(int p)
    {
        return switch (from) {
            case INTEGRAL -> Long.toString(readIntegral(data, Vectors.width(source), p));
            case BOOLEAN -> Bitmaps.get(data, p) ? "true" : "false";
            case REAL -> TextConversions.formatFloat(data.getAtIndex(FLOAT, p));
            case DOUBLE -> TextConversions.formatDouble(data.getAtIndex(DOUBLE, p));
            case DECIMAL -> decimalValue(p).toPlainString();
            case DATE -> TextConversions.formatDate(data.getAtIndex(INT, p));
            case TIMESTAMP -> TextConversions.formatTimestamp(data.getAtIndex(LONG, p));
            case INTERVAL -> {
                long offset = 16L * p;
                yield new Interval(data.get(ValueLayout.JAVA_INT_UNALIGNED, offset), data.get(ValueLayout.JAVA_INT_UNALIGNED, offset + 4),
                        data.get(LONG, offset + 8) / 1000).toString();
            }
            case VARCHAR -> text.string(p);
            case BLOB -> Blobs.toText(text.bytes(p));
            case NULL -> throw new IllegalStateException();
        };
    }
}
