package dev.basalt.storage.index;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One {@link ColumnPredicate} translated into the key space of one index key column: whether NULL matches, plus a
 * sorted list of disjoint intervals of stored keys. Bounds are converted exactly: a bound that falls between two
 * representable keys (2.5 on an INTEGER column, a DOUBLE bound on a REAL column, 10:00:00.0000001 on a TIMESTAMP)
 * becomes the nearest key on the correct side, so lookups stay exact for any bound class that {@code ValueOrder}
 * accepts. Intervals are inclusive for LONG and INT128 keys (keys are integers, so an exclusive bound is key ± 1);
 * BYTES intervals keep inclusive flags because a string has no predecessor.
 */
final class KeyCondition
{
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger INT128_MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger INT128_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Marker positions for bounds beyond every value (NaN and +Infinity on exact columns, -Infinity). */
    private static final BigDecimal ABOVE_ALL = new BigDecimal("1E+100000");
    private static final BigDecimal BELOW_ALL = ABOVE_ALL.negate();

    final int keyColumn;
    final KeyKind kind;
    final boolean matchesNull;
    /** True when every interval is a single key (equality / IN): entries matching one interval share the key. */
    final boolean pointsOnly;
    final int count;
    // LONG: [low[i], high[i]]; INT128: [(lowHigh, low), (highHigh, high)] with the low words compared unsigned.
    final long[] low;
    final long[] high;
    final long[] lowHigh;
    final long[] highHigh;
    // BYTES: null = unbounded.
    final byte[][] lowBytes;
    final byte[][] highBytes;
    final boolean[] lowInclusive;
    final boolean[] highInclusive;

    private KeyCondition(int keyColumn, KeyKind kind, boolean matchesNull, boolean pointsOnly, int count, long[] low, long[] high,
            long[] lowHigh, long[] highHigh, byte[][] lowBytes, byte[][] highBytes, boolean[] lowInclusive, boolean[] highInclusive)
    {
        this.keyColumn = keyColumn;
        this.kind = requireNonNull(kind, "kind is null");
        this.matchesNull = matchesNull;
        this.pointsOnly = pointsOnly;
        this.count = count;
        this.low = low;
        this.high = high;
        this.lowHigh = lowHigh;
        this.highHigh = highHigh;
        this.lowBytes = lowBytes;
        this.highBytes = highBytes;
        this.lowInclusive = lowInclusive;
        this.highInclusive = highInclusive;
    }

    /** Translates a predicate on key column {@code keyColumn} (of SQL type {@code type}). */
    static KeyCondition compile(ColumnPredicate predicate, int keyColumn, DataType type, KeyKind kind)
    {
        return switch (predicate) {
            case ColumnPredicate.IsNull p -> nullOnly(keyColumn, kind, true);
            case ColumnPredicate.IsNotNull p -> range(keyColumn, type, kind, null, true, null, true);
            case ColumnPredicate.Range p -> range(keyColumn, type, kind, p.low(), p.lowInclusive(), p.high(), p.highInclusive());
            case ColumnPredicate.In p -> in(keyColumn, type, kind, p.values());
            case ColumnPredicate.StartsWith p -> startsWith(keyColumn, type, kind, p.prefix());
        };
    }

    boolean isEmpty()
    {
        return count == 0 && !matchesNull;
    }

    private static KeyCondition nullOnly(int keyColumn, KeyKind kind, boolean matchesNull)
    {
        return new KeyCondition(keyColumn, kind, matchesNull, true, 0, new long[0], new long[0], new long[0], new long[0],
                new byte[0][], new byte[0][], new boolean[0], new boolean[0]);
    }

    private static KeyCondition range(int keyColumn, DataType type, KeyKind kind, Object lowBound, boolean lowInc, Object highBound, boolean highInc)
    {
        return switch (kind) {
            case NONE -> nullOnly(keyColumn, kind, false);
            case LONG -> {
                long[] interval = new long[2];
                if (!longInterval(type, lowBound, lowInc, highBound, highInc, interval)) {
                    yield nullOnly(keyColumn, kind, false);
                }
                yield longs(keyColumn, kind, false, new long[] {interval[0]}, new long[] {interval[1]});
            }
            case INT128 -> {
                BigInteger[] interval = new BigInteger[2];
                if (!wideInterval(type, lowBound, lowInc, highBound, highInc, interval)) {
                    yield nullOnly(keyColumn, kind, false);
                }
                yield wides(keyColumn, kind, false, List.<BigInteger[]>of(interval));
            }
            case BYTES -> {
                byte[] lowKey = lowBound == null ? null : utf8(type, lowBound);
                byte[] highKey = highBound == null ? null : utf8(type, highBound);
                if (lowKey != null && highKey != null) {
                    int order = Arrays.compareUnsigned(lowKey, highKey);
                    if (order > 0 || (order == 0 && !(lowInc && highInc))) {
                        yield nullOnly(keyColumn, kind, false);
                    }
                }
                boolean point = lowKey != null && highKey != null && lowInc && highInc && Arrays.equals(lowKey, highKey);
                yield new KeyCondition(keyColumn, kind, false, point, 1, null, null, null, null,
                        new byte[][] {lowKey}, new byte[][] {highKey}, new boolean[] {lowInc || lowKey == null}, new boolean[] {highInc || highKey == null});
            }
        };
    }

    private static KeyCondition in(int keyColumn, DataType type, KeyKind kind, List<Object> values)
    {
        // ColumnPredicate.In holds no nulls (List.copyOf rejects them).
        switch (kind) {
            case NONE -> {
                return nullOnly(keyColumn, kind, false);
            }
            case LONG -> {
                long[] keys = new long[values.size()];
                int count = 0;
                long[] interval = new long[2];
                for (Object value : values) {
                    // A value between two representable keys (2.5 on INTEGER) matches nothing and yields an empty interval.
                    if (longInterval(type, value, true, value, true, interval)) {
                        keys[count++] = interval[0];
                    }
                }
                Arrays.sort(keys, 0, count);
                int distinct = 0;
                for (int i = 0; i < count; i++) {
                    if (distinct == 0 || keys[distinct - 1] != keys[i]) {
                        keys[distinct++] = keys[i];
                    }
                }
                long[] points = Arrays.copyOf(keys, distinct);
                return longs(keyColumn, kind, true, points, points.clone());
            }
            case INT128 -> {
                List<BigInteger> keys = new ArrayList<>();
                BigInteger[] interval = new BigInteger[2];
                for (Object value : values) {
                    if (wideInterval(type, value, true, value, true, interval)) {
                        keys.add(interval[0]);
                    }
                }
                List<BigInteger[]> points = new ArrayList<>();
                for (BigInteger key : keys.stream().distinct().sorted().toList()) {
                    points.add(new BigInteger[] {key, key});
                }
                return wides(keyColumn, kind, true, points);
            }
            case BYTES -> {
                List<byte[]> keys = new ArrayList<>();
                for (Object value : values) {
                    keys.add(utf8(type, value));
                }
                keys.sort(Arrays::compareUnsigned);
                List<byte[]> distinct = new ArrayList<>();
                for (byte[] key : keys) {
                    if (distinct.isEmpty() || !Arrays.equals(distinct.getLast(), key)) {
                        distinct.add(key);
                    }
                }
                byte[][] points = distinct.toArray(new byte[0][]);
                boolean[] inclusive = new boolean[points.length];
                Arrays.fill(inclusive, true);
                return new KeyCondition(keyColumn, kind, false, true, points.length, null, null, null, null,
                        points, points, inclusive, inclusive.clone());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static KeyCondition startsWith(int keyColumn, DataType type, KeyKind kind, String prefix)
    {
        if (kind != KeyKind.BYTES) {
            throw mismatch(type, prefix);
        }
        byte[] low = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] high = successor(low);
        return new KeyCondition(keyColumn, kind, false, false, 1, null, null, null, null,
                new byte[][] {low}, new byte[][] {high}, new boolean[] {true}, new boolean[] {high == null});
    }

    /** The smallest byte string greater than every string starting with {@code prefix}; null when there is none. */
    static byte[] successor(byte[] prefix)
    {
        int length = prefix.length;
        while (length > 0 && prefix[length - 1] == (byte) 0xFF) {
            length--;
        }
        if (length == 0) {
            return null;
        }
        byte[] result = Arrays.copyOf(prefix, length);
        result[length - 1]++;
        return result;
    }

    private static KeyCondition longs(int keyColumn, KeyKind kind, boolean points, long[] low, long[] high)
    {
        return new KeyCondition(keyColumn, kind, false, points || (low.length == 1 && low[0] == high[0]), low.length, low, high,
                null, null, null, null, null, null);
    }

    private static KeyCondition wides(int keyColumn, KeyKind kind, boolean points, List<BigInteger[]> intervals)
    {
        int count = intervals.size();
        long[] low = new long[count];
        long[] lowHigh = new long[count];
        long[] high = new long[count];
        long[] highHigh = new long[count];
        boolean allPoints = true;
        for (int i = 0; i < count; i++) {
            BigInteger[] interval = intervals.get(i);
            low[i] = interval[0].longValue();
            lowHigh[i] = interval[0].shiftRight(64).longValue();
            high[i] = interval[1].longValue();
            highHigh[i] = interval[1].shiftRight(64).longValue();
            allPoints &= interval[0].equals(interval[1]);
        }
        return new KeyCondition(keyColumn, kind, false, points || allPoints, count, low, high, lowHigh, highHigh,
                null, null, null, null);
    }

    // ---- bound conversion -------------------------------------------------------------------------------------------

    /** Writes the inclusive key interval of [low, high] into {@code out}; false when it is empty. */
    private static boolean longInterval(DataType type, Object lowBound, boolean lowInc, Object highBound, boolean highInc, long[] out)
    {
        long lowKey;
        long highKey;
        if (type instanceof RealType || type instanceof DoubleType) {
            boolean real = type instanceof RealType;
            if (lowBound == null) {
                lowKey = Long.MIN_VALUE;
            }
            else {
                long[] bracket = floatingBracket(real, lowBound, type);
                // bracket = {largest key <= bound, smallest key >= bound}; equal when the bound is representable.
                lowKey = bracket[0] == bracket[1] && !lowInc ? bracket[1] + 1 : bracket[1];
            }
            if (highBound == null) {
                highKey = Long.MAX_VALUE;
            }
            else {
                long[] bracket = floatingBracket(real, highBound, type);
                highKey = bracket[0] == bracket[1] && !highInc ? bracket[0] - 1 : bracket[0];
            }
        }
        else {
            BigInteger lowInteger = lowBound == null ? LONG_MIN : lowKey(position(type, lowBound), lowInc);
            BigInteger highInteger = highBound == null ? LONG_MAX : highKey(position(type, highBound), highInc);
            if (lowInteger == null || highInteger == null || lowInteger.compareTo(LONG_MAX) > 0 || highInteger.compareTo(LONG_MIN) < 0) {
                return false;
            }
            lowKey = lowInteger.max(LONG_MIN).longValue();
            highKey = highInteger.min(LONG_MAX).longValue();
        }
        out[0] = lowKey;
        out[1] = highKey;
        return lowKey <= highKey;
    }

    private static boolean wideInterval(DataType type, Object lowBound, boolean lowInc, Object highBound, boolean highInc, BigInteger[] out)
    {
        BigInteger lowInteger = lowBound == null ? INT128_MIN : lowKey(position(type, lowBound), lowInc);
        BigInteger highInteger = highBound == null ? INT128_MAX : highKey(position(type, highBound), highInc);
        if (lowInteger == null || highInteger == null || lowInteger.compareTo(INT128_MAX) > 0 || highInteger.compareTo(INT128_MIN) < 0) {
            return false;
        }
        out[0] = lowInteger.max(INT128_MIN);
        out[1] = highInteger.min(INT128_MAX);
        return out[0].compareTo(out[1]) <= 0;
    }

    /** Smallest integer key >= (or >) position; null when none exists. */
    private static BigInteger lowKey(BigDecimal position, boolean inclusive)
    {
        if (position == ABOVE_ALL) {
            return null;
        }
        if (position == BELOW_ALL) {
            return INT128_MIN;
        }
        BigDecimal key = inclusive ? position.setScale(0, java.math.RoundingMode.CEILING)
                : position.setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
        return key.toBigIntegerExact();
    }

    /** Largest integer key <= (or <) position; null when none exists. */
    private static BigInteger highKey(BigDecimal position, boolean inclusive)
    {
        if (position == ABOVE_ALL) {
            return INT128_MAX;
        }
        if (position == BELOW_ALL) {
            return null;
        }
        BigDecimal key = inclusive ? position.setScale(0, java.math.RoundingMode.FLOOR)
                : position.setScale(0, java.math.RoundingMode.CEILING).subtract(BigDecimal.ONE);
        return key.toBigIntegerExact();
    }

    /**
     * Where a bound lies on the integer key line of an exact column: integers and decimals (in unscaled units), dates
     * (epoch days), timestamps (epoch micros), booleans (0/1). A bound between two keys gets a fractional position.
     */
    private static BigDecimal position(DataType type, Object bound)
    {
        return switch (type) {
            case dev.basalt.spi.type.BooleanType t -> switch (bound) {
                case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
                default -> throw mismatch(type, bound);
            };
            case dev.basalt.spi.type.DateType t -> switch (bound) {
                case java.time.LocalDate d -> BigDecimal.valueOf(d.toEpochDay());
                case java.time.LocalDateTime ts -> {
                    BigDecimal day = BigDecimal.valueOf(ts.toLocalDate().toEpochDay());
                    yield ts.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.add(HALF);
                }
                default -> throw mismatch(type, bound);
            };
            case dev.basalt.spi.type.TimestampType t -> switch (bound) {
                case java.time.LocalDateTime ts -> timestampPosition(ts);
                case java.time.LocalDate d -> timestampPosition(d.atStartOfDay());
                default -> throw mismatch(type, bound);
            };
            case DecimalType t -> {
                BigDecimal exact = exactNumber(type, bound);
                yield exact == ABOVE_ALL || exact == BELOW_ALL ? exact : exact.movePointRight(t.scale());
            }
            default -> exactNumber(type, bound);
        };
    }

    private static BigDecimal timestampPosition(java.time.LocalDateTime ts)
    {
        long seconds = ts.toEpochSecond(java.time.ZoneOffset.UTC);
        int nanos = ts.getNano();
        BigDecimal micros = BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(1_000_000L)).add(BigDecimal.valueOf(nanos / 1000));
        return nanos % 1000 == 0 ? micros : micros.add(HALF);
    }

    private static BigDecimal exactNumber(DataType type, Object bound)
    {
        return switch (bound) {
            case Long v -> BigDecimal.valueOf(v);
            case Integer v -> BigDecimal.valueOf(v);
            case Short v -> BigDecimal.valueOf(v);
            case Byte v -> BigDecimal.valueOf(v);
            case BigInteger v -> new BigDecimal(v);
            case BigDecimal v -> v;
            case Double v -> fromDouble(v);
            case Float v -> fromDouble(v.doubleValue());
            default -> throw mismatch(type, bound);
        };
    }

    /** NaN sorts above everything (PostgreSQL), so on an exact column it is a bound above all values, like +Infinity. */
    private static BigDecimal fromDouble(double value)
    {
        if (Double.isNaN(value) || value == Double.POSITIVE_INFINITY) {
            return ABOVE_ALL;
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return BELOW_ALL;
        }
        return new BigDecimal(value);
    }

    /** {largest key whose value is <= bound, smallest key whose value is >= bound} in the sortable key space. */
    private static long[] floatingBracket(boolean real, Object bound, DataType type)
    {
        double value;
        BigDecimal exact = null;
        switch (bound) {
            case Double v -> value = v;
            case Float v -> value = v;
            default -> {
                exact = exactNumber(type, bound);
                value = exact.doubleValue();
            }
        }
        if (real) {
            float rounded;
            int order;
            if (exact == null) {
                rounded = (float) value;
                order = Double.isNaN(value) ? 0 : Double.compare((double) rounded, value);
                if (order != 0 && rounded == 0.0f && value == 0.0) {
                    order = 0;
                }
            }
            else {
                rounded = exact.floatValue();
                order = Float.isInfinite(rounded) ? (rounded > 0 ? 1 : -1) : new BigDecimal(rounded).compareTo(exact);
            }
            long key = KeyKind.sortableFloat(Float.floatToRawIntBits(rounded));
            return bracket(key, order);
        }
        int order;
        if (exact == null) {
            order = 0;
        }
        else {
            order = Double.isInfinite(value) ? (value > 0 ? 1 : -1) : new BigDecimal(value).compareTo(exact);
        }
        long key = KeyKind.sortableDouble(Double.doubleToRawLongBits(value));
        return bracket(key, order);
    }

    /** key is the representable value nearest the bound; order is sign(key value - bound). */
    private static long[] bracket(long key, int order)
    {
        if (order == 0) {
            return new long[] {key, key};
        }
        // Keys are dense integers in sortable space (the slot of -0.0 just below 0.0 is never stored), so the
        // neighbour on the other side of the bound is key -/+ 1 as far as comparisons with stored keys go.
        return order > 0 ? new long[] {key - 1, key} : new long[] {key, key + 1};
    }

    private static byte[] utf8(DataType type, Object bound)
    {
        if (!(type instanceof VarcharType) || !(bound instanceof String text)) {
            throw mismatch(type, bound);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static BasaltException mismatch(DataType type, Object bound)
    {
        return new BasaltException(ErrorCode.INTERNAL_ERROR,
                "index lookup bound " + bound + " (" + bound.getClass().getSimpleName() + ") does not fit key type " + type.sqlName());
    }
}
