package dev.basalt.execution.window;

import dev.basalt.execution.aggregate.Accumulator;
import dev.basalt.execution.aggregate.Accumulators;
import dev.basalt.execution.aggregate.BitAccumulator;
import dev.basalt.execution.aggregate.LongMinMaxAccumulator;
import dev.basalt.execution.aggregate.MomentsAccumulator;
import dev.basalt.execution.sort.SortColumn;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.WindowFunction;
import dev.basalt.planner.plan.WindowFunctionCall;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes window functions over a {@link WindowLayout}, all in O(n) or O(n log n): ranking functions from the
 * partition and peer boundaries; LAG/LEAD and FIRST/LAST/NTH_VALUE as row references (with IGNORE NULLS through
 * the positions of the non-NULL values); COUNT/SUM/AVG through prefix sums (exact 128-bit for integers and
 * decimals; running sums or a segment tree for floats, where subtracting prefixes would lose precision); MIN/MAX
 * with a monotonic deque over the sliding frame; DISTINCT aggregates by counting value ids in the sliding frame.
 * The other aggregates (statistics, bool_*, bit_*, first/last, arg_min/arg_max) reuse the hash aggregate's
 * accumulators per distinct frame (see {@link #accumulated}).
 */
public final class WindowFunctionComputer
        implements AutoCloseable
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final WindowLayout layout;
    private final WindowFrames frames;
    private final ColumnStore store;
    private final int n;
    private final int[] order;
    private final int[] frameStart;
    private final int[] frameEnd;
    private final BufferAllocator allocator;
    // result vectors of accumulator-computed aggregates, referenced by their WindowResult.Rows until close
    private final List<FieldVector> owned = new ArrayList<>();

    public WindowFunctionComputer(WindowLayout layout, ColumnStore store, BufferAllocator allocator)
    {
        this.allocator = allocator;
        this.layout = layout;
        this.frames = new WindowFrames(layout);
        this.store = store;
        this.n = layout.rowCount();
        this.order = layout.order();
        this.frameStart = new int[n];
        this.frameEnd = new int[n];
    }

    public WindowResult compute(WindowFunctionCall call)
    {
        List<Integer> arguments = call.arguments();
        return switch (call.function()) {
            case ROW_NUMBER, RANK, DENSE_RANK, NTILE -> ranking(call.function(), arguments);
            case PERCENT_RANK, CUME_DIST -> distribution(call.function() == WindowFunction.CUME_DIST);
            case LAG, LEAD -> shift(call.function() == WindowFunction.LEAD, arguments, call.ignoreNulls());
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
                frames.compute(call.frame(), frameStart, frameEnd);
                yield frameValue(call.function(), arguments, call.ignoreNulls());
            }
            case AGGREGATE -> {
                frames.compute(call.frame(), frameStart, frameEnd);
                yield aggregate(call.aggregate().orElseThrow(), arguments, call.distinct(), call.type());
            }
        };
    }

    // ---- ranking ------------------------------------------------------------------------------------------

    private WindowResult ranking(WindowFunction function, List<Integer> arguments)
    {
        long[] values = new long[n];
        boolean[] nulls = null;
        IntegerColumn buckets = function == WindowFunction.NTILE ? new IntegerColumn(store, arguments.getFirst()) : null;
        for (int i = 0; i < n; i++) {
            int ps = layout.partitionStart(i);
            values[i] = switch (function) {
                case ROW_NUMBER -> i - ps + 1;
                case RANK -> layout.peerStart(i) - ps + 1;
                case DENSE_RANK -> layout.groupIndex(i) + 1;
                default -> {
                    int row = order[i];
                    if (buckets.isNull(row)) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[i] = true;
                        yield 0;
                    }
                    long b = buckets.get(row);
                    if (b <= 0) {
                        throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero");
                    }
                    yield ntile(i - ps, layout.partitionEnd(i) - ps, b);
                }
            };
        }
        return new WindowResult.Longs(values, nulls);
    }

    /** Bucket (1-based) of the 0-based row of a partition of {@code size} rows: the first size % b buckets get one extra row. */
    static long ntile(long row, long size, long buckets)
    {
        long per = size / buckets;
        long extra = size % buckets;
        long big = extra * (per + 1);
        if (row < big) {
            return row / (per + 1) + 1;
        }
        return extra + (row - big) / per + 1;
    }

    private WindowResult distribution(boolean cumulative)
    {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            int ps = layout.partitionStart(i);
            int size = layout.partitionEnd(i) - ps;
            values[i] = cumulative
                    ? (double) (layout.peerEnd(i) - ps) / size
                    : size == 1 ? 0 : (double) (layout.peerStart(i) - ps) / (size - 1);
        }
        return new WindowResult.Doubles(values, null);
    }

    // ---- value functions ----------------------------------------------------------------------------------

    /** Positions (window order) of non-NULL values and, per position p, how many precede it ({@code before[p]}). */
    private record NonNulls(int[] positions, int[] before) {}

    private NonNulls nonNulls(FieldVector vector)
    {
        MemorySegment validity = vector == null ? null : Vectors.validity(vector);
        boolean allNull = vector == null || vector.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.NULL;
        int[] positions = new int[n];
        int[] before = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            before[i] = count;
            if (!allNull && Bitmaps.isSet(validity, order[i])) {
                positions[count++] = i;
            }
        }
        before[n] = count;
        return new NonNulls(positions, before);
    }

    private WindowResult shift(boolean lead, List<Integer> arguments, boolean ignoreNulls)
    {
        FieldVector values = store.vector(arguments.get(0));
        IntegerColumn offsets = arguments.size() > 1 ? new IntegerColumn(store, arguments.get(1)) : null;
        FieldVector defaults = arguments.size() > 2 ? store.vector(arguments.get(2)) : null;
        NonNulls nonNulls = ignoreNulls ? nonNulls(values) : null;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (offsets != null && offsets.isNull(row)) {
                rows[i] = -1;
                continue;
            }
            long offset = offsets == null ? 1 : offsets.get(row);
            long shift = lead ? offset : -offset;
            int ps = layout.partitionStart(i);
            int pe = layout.partitionEnd(i);
            long target;
            if (shift == 0) {
                target = i;
            }
            else if (!ignoreNulls) {
                target = i + shift;
            }
            else if (shift < 0) {
                long index = nonNulls.before[i] + shift;
                target = index >= 0 ? nonNulls.positions[(int) index] : -1;
            }
            else {
                long index = nonNulls.before[i + 1] + shift - 1;
                target = index < nonNulls.before[n] ? nonNulls.positions[(int) index] : n;
            }
            if (target >= ps && target < pe) {
                rows[i] = order[(int) target];
            }
            else {
                rows[i] = defaults == null ? -1 : -2 - row;
            }
        }
        return new WindowResult.Rows(values, defaults, rows);
    }

    private WindowResult frameValue(WindowFunction function, List<Integer> arguments, boolean ignoreNulls)
    {
        FieldVector values = store.vector(arguments.get(0));
        IntegerColumn nth = function == WindowFunction.NTH_VALUE ? new IntegerColumn(store, arguments.get(1)) : null;
        NonNulls nonNulls = ignoreNulls ? nonNulls(values) : null;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = frameEnd[i];
            long k;
            if (function == WindowFunction.FIRST_VALUE) {
                k = 1;
            }
            else if (function == WindowFunction.LAST_VALUE) {
                k = -1;
            }
            else {
                if (nth.isNull(order[i])) {
                    rows[i] = -1;
                    continue;
                }
                k = nth.get(order[i]);
                if (k <= 0) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "argument of nth_value must be greater than zero");
                }
            }
            long target;
            if (!ignoreNulls) {
                target = k > 0 ? s + k - 1 : e - 1;
                rows[i] = target >= s && target < e ? order[(int) target] : -1;
                continue;
            }
            int first = nonNulls.before[s];
            int end = nonNulls.before[e];
            long index = k > 0 ? first + k - 1 : end - 1;
            rows[i] = index >= first && index < end ? order[nonNulls.positions[(int) index]] : -1;
        }
        return new WindowResult.Rows(values, null, rows);
    }

    // ---- aggregates ---------------------------------------------------------------------------------------

    private WindowResult aggregate(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType resultType)
    {
        if (function == AggregateFunction.COUNT_STAR) {
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = frameEnd[i] - frameStart[i];
            }
            return new WindowResult.Longs(counts, null);
        }
        switch (function) {
            case COUNT, SUM, AVG, MIN, MAX -> {}
            default -> {
                return accumulated(function, arguments, resultType);
            }
        }
        FieldVector input = store.vector(arguments.getFirst());
        DataType inputType = store.types().get(arguments.getFirst());
        if (function == AggregateFunction.MIN || function == AggregateFunction.MAX) {
            return minMax(function == AggregateFunction.MAX, input, inputType);
        }
        if (distinct) {
            return new DistinctWindowAggregate(layout, input, inputType, frameStart, frameEnd).compute(function, resultType);
        }
        NonNulls nonNulls = nonNulls(input);
        if (function == AggregateFunction.COUNT) {
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = nonNulls.before[frameEnd[i]] - nonNulls.before[frameStart[i]];
            }
            return new WindowResult.Longs(counts, null);
        }
        boolean average = function == AggregateFunction.AVG;
        return switch (inputType) {
            case SmallintType t -> exactSum(input, inputType, nonNulls, average, 0);
            case IntegerType t -> exactSum(input, inputType, nonNulls, average, 0);
            case BigintType t -> exactSum(input, inputType, nonNulls, average, 0);
            case DecimalType t when t.isShort() -> exactSum(input, inputType, nonNulls, average, t.scale());
            case DecimalType t -> bigSum(input, nonNulls, average, t.scale());
            case RealType t -> doubleSum(input, inputType, nonNulls, average);
            case DoubleType t -> doubleSum(input, inputType, nonNulls, average);
            case NullType t -> new WindowResult.Longs(new long[n], allTrue(n));
            default -> throw new BasaltException(ErrorCode.UNDEFINED_FUNCTION, function + " is not defined for " + inputType.sqlName());
        };
    }

    /**
     * The other aggregates (statistics, bool_*, bit_*, first/last, arg_min/arg_max, ...) reuse the hash
     * aggregate's accumulators, one group per distinct frame: rows whose frame equals the previous row's (whole
     * partitions, RANGE peers) share a group. Growing frames (same start, end moving forward: running aggregates)
     * of the streaming accumulators (moments, bool_*, bit_*) extend a running state and copy it into each row's
     * group by a merge, O(n) in all; other frames are aggregated from scratch, O(n * frame size) (correct first:
     * these accumulators have no removable state).
     */
    private WindowResult accumulated(AggregateFunction function, List<Integer> arguments, DataType resultType)
    {
        List<DataType> types = new ArrayList<>();
        FieldVector[] inputs = new FieldVector[arguments.size()];
        for (int a = 0; a < inputs.length; a++) {
            inputs[a] = store.vector(arguments.get(a));
            types.add(store.types().get(arguments.get(a)));
        }
        AggregateCall call = new AggregateCall(function, arguments, false, resultType);
        int[] groupOf = new int[n];
        int[] rows = new int[n];
        int groups = 0;
        FieldVector output = Vectors.create(resultType, "window", allocator);
        owned.add(output);
        Accumulator running = null;
        try (Accumulator accumulator = Accumulators.create(call, types, List.of(), allocator)) {
            accumulator.ensureCapacity(Math.max(n, 1));
            boolean streaming = accumulator.mergeable() && (accumulator instanceof MomentsAccumulator
                    || accumulator instanceof BitAccumulator || accumulator instanceof LongMinMaxAccumulator);
            int runStart = -1;
            int runEnd = -1;
            int[] target = new int[1];
            for (int i = 0; i < n; i++) {
                int s = frameStart[i];
                int e = frameEnd[i];
                if (i > 0 && s == frameStart[i - 1] && e == frameEnd[i - 1]) {
                    groupOf[i] = groupOf[i - 1];
                    continue;
                }
                int group = groups++;
                groupOf[i] = group;
                if (streaming && running != null && s == runStart && e >= runEnd) {
                    if (e > runEnd) {
                        System.arraycopy(order, runEnd, rows, 0, e - runEnd);
                        running.addToGroup(inputs, rows, e - runEnd, 0);
                        runEnd = e;
                    }
                    target[0] = group;
                    accumulator.merge(running, target, 1);
                    continue;
                }
                if (e > s) {
                    System.arraycopy(order, s, rows, 0, e - s);
                    accumulator.addToGroup(inputs, rows, e - s, group);
                }
                if (streaming && i + 1 < n && frameStart[i + 1] == s && frameEnd[i + 1] > e) {
                    // the next frame grows this one: start a running state
                    if (running != null) {
                        running.close();
                    }
                    running = Accumulators.create(call, types, List.of(), allocator);
                    running.ensureCapacity(1);
                    if (e > s) {
                        running.addToGroup(inputs, rows, e - s, 0);
                    }
                    runStart = s;
                    runEnd = e;
                }
            }
            accumulator.write(0, groups, output);
            output.setValueCount(groups);
        }
        finally {
            if (running != null) {
                running.close();
            }
        }
        return new WindowResult.Rows(output, null, groupOf);
    }

    @Override
    public void close()
    {
        for (FieldVector vector : owned) {
            vector.close();
        }
        owned.clear();
    }

    static boolean[] allTrue(int n)
    {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /** Value at window position i of a numeric column as a long (integers and short decimals). */
    static long longValue(MemorySegment data, DataType type, int row)
    {
        return switch (type) {
            case SmallintType t -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, row);
            case IntegerType t -> data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, row);
            default -> data.getAtIndex(LONG, row);
        };
    }

    static double doubleValue(MemorySegment data, DataType type, int row)
    {
        return type instanceof RealType
                ? data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, row)
                : data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, row);
    }

    /** SUM/AVG of 64-bit values: 128-bit prefix sums, exact for any frame. */
    private WindowResult exactSum(FieldVector input, DataType inputType, NonNulls nonNulls, boolean average, int scale)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        long[] prefixHigh = new long[n + 1];
        long[] prefixLow = new long[n + 1];
        long high = 0;
        long low = 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (Bitmaps.isSet(validity, row)) {
                long value = longValue(data, inputType, row);
                long sum = low + value;
                // carry: unsigned overflow of the low word, plus the sign extension of value
                high += (Long.compareUnsigned(sum, low) < 0 ? 1 : 0) + (value >> 63);
                low = sum;
            }
            prefixHigh[i + 1] = high;
            prefixLow[i + 1] = low;
        }
        boolean[] nulls = new boolean[n];
        long[] resultHigh = average ? null : new long[n];
        long[] resultLow = average ? null : new long[n];
        double[] averages = average ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = frameEnd[i];
            long count = nonNulls.before[e] - nonNulls.before[s];
            if (count == 0) {
                nulls[i] = true;
                continue;
            }
            long l = prefixLow[e] - prefixLow[s];
            long h = prefixHigh[e] - prefixHigh[s] - (Long.compareUnsigned(prefixLow[e], prefixLow[s]) < 0 ? 1 : 0);
            if (average) {
                averages[i] = average(h, l, count, scale);
            }
            else {
                resultHigh[i] = h;
                resultLow[i] = l;
            }
        }
        return average ? new WindowResult.Doubles(averages, nulls) : new WindowResult.Decimals(resultHigh, resultLow, nulls);
    }

    /** The average as the hash aggregate computes it (exact quotient rounded to DECIMAL128, then to double). */
    static double average(long high, long low, long count, int scale)
    {
        if (scale == 0 && DecimalMath.isLong(high, low) && Math.abs(low) < (1L << 53)) {
            return low / (double) count;
        }
        BigDecimal sum = new BigDecimal(DecimalMath.toBigInteger(high, low), scale);
        return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }

    /** SUM/AVG of 128-bit decimals: BigInteger prefix sums (rare type, exact). */
    private WindowResult bigSum(FieldVector input, NonNulls nonNulls, boolean average, int scale)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        BigInteger[] prefix = new BigInteger[n + 1];
        prefix[0] = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            prefix[i + 1] = Bitmaps.isSet(validity, row)
                    ? prefix[i].add(DecimalMath.toBigInteger(data.getAtIndex(LONG, 2L * row + 1), data.getAtIndex(LONG, 2L * row)))
                    : prefix[i];
        }
        boolean[] nulls = new boolean[n];
        long[] resultHigh = new long[n];
        long[] resultLow = new long[n];
        double[] averages = average ? new double[n] : null;
        long[] words = new long[2];
        for (int i = 0; i < n; i++) {
            long count = nonNulls.before[frameEnd[i]] - nonNulls.before[frameStart[i]];
            if (count == 0) {
                nulls[i] = true;
                continue;
            }
            BigInteger sum = prefix[frameEnd[i]].subtract(prefix[frameStart[i]]);
            if (average) {
                averages[i] = new BigDecimal(sum, scale).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
                continue;
            }
            if (!DecimalMath.fromBigInteger(sum, words)) {
                throw DecimalMath.outOfRange("SUM");
            }
            resultHigh[i] = words[0];
            resultLow[i] = words[1];
        }
        return average ? new WindowResult.Doubles(averages, nulls) : new WindowResult.Decimals(resultHigh, resultLow, nulls);
    }

    /**
     * SUM/AVG of floats. Frames that start at the partition start use running sums (the same additions as a
     * sequential sum); other frames query a segment tree, since subtracting prefix sums would lose precision and
     * turn infinities into NaN.
     */
    private WindowResult doubleSum(FieldVector input, DataType inputType, NonNulls nonNulls, boolean average)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            int row = order[i];
            values[i] = Bitmaps.isSet(validity, row) ? doubleValue(data, inputType, row) : 0;
        }
        boolean running = true;
        for (int i = 0; i < n && running; i++) {
            running = frameStart[i] == layout.partitionStart(i);
        }
        double[] prefix = null;
        double[] tree = null;
        if (running) {
            prefix = new double[n + 1];
            for (int i = 0; i < n; i++) {
                // restart at each partition so that a partition's sums never include earlier partitions
                double base = i == layout.partitionStart(i) ? 0 : prefix[i];
                prefix[i + 1] = base + values[i];
            }
        }
        else {
            tree = new double[2 * Math.max(n, 1)];
            System.arraycopy(values, 0, tree, n, n);
            for (int i = n - 1; i > 0; i--) {
                tree[i] = tree[2 * i] + tree[2 * i + 1];
            }
        }
        boolean[] nulls = new boolean[n];
        double[] results = new double[n];
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = frameEnd[i];
            long count = nonNulls.before[e] - nonNulls.before[s];
            if (count == 0) {
                nulls[i] = true;
                continue;
            }
            double sum;
            if (prefix != null) {
                sum = e == s ? 0 : prefix[e];
            }
            else {
                sum = 0;
                for (int lo = s + n, hi = e + n; lo < hi; lo >>= 1, hi >>= 1) {
                    if ((lo & 1) == 1) {
                        sum += tree[lo++];
                    }
                    if ((hi & 1) == 1) {
                        sum += tree[--hi];
                    }
                }
            }
            results[i] = average ? sum / count : sum;
        }
        return new WindowResult.Doubles(results, nulls);
    }

    /** MIN/MAX over sliding frames with a monotonic deque of window positions (amortized O(1) per row). */
    private WindowResult minMax(boolean max, FieldVector input, DataType type)
    {
        int[] rows = new int[n];
        if (type instanceof NullType) {
            java.util.Arrays.fill(rows, -1);
            return new WindowResult.Rows(input, null, rows);
        }
        SortColumn values = new SortColumn(input, type, true, true, store.rowCount());
        int[] deque = new int[n];
        int head = 0;
        int tail = 0;
        int added = 0;
        int previousStart = 0;
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = frameEnd[i];
            if (s < previousStart || e < added) {
                // frames are monotonic in practice; restart the deque if one is not
                head = 0;
                tail = 0;
                added = s;
            }
            previousStart = s;
            added = Math.max(added, s);
            while (added < e) {
                int row = order[added];
                if (!values.isNull(row)) {
                    while (tail > head) {
                        int c = values.compare(order[deque[tail - 1]], row);
                        if (max ? c > 0 : c < 0) {
                            break;
                        }
                        tail--;
                    }
                    deque[tail++] = added;
                }
                added++;
            }
            while (head < tail && deque[head] < s) {
                head++;
            }
            rows[i] = head < tail ? order[deque[head]] : -1;
        }
        return new WindowResult.Rows(input, null, rows);
    }
}
