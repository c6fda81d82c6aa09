package dev.basalt.execution.aggregate;

import dev.basalt.execution.sort.IndexSorter;
import dev.basalt.execution.sort.SortColumn;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.RealType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The holistic aggregates that need each group's values in order: QUANTILE_CONT (median), QUANTILE_DISC and MODE.
 * Non-NULL inputs are copied to a column store (with their group ids); once all input is in, the store is sorted
 * by value and then stably bucketed by group, and each group's result is read from its sorted run. Positions
 * follow DuckDB: continuous = interpolation at (n-1)q between the neighbouring values (DECIMAL truncates, integers
 * give DOUBLE), discrete = the value at index ceil(nq)-1, mode = the most frequent value (ties: first seen).
 */
public final class SortedValuesAccumulator
        extends Accumulator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final AggregateFunction function;
    private final DataType inputType;
    private final double fraction;
    private final boolean descending;
    private final BufferAllocator allocator;
    private ColumnStore store;
    private int[] storeGroups = new int[64];
    private int[] positions = new int[64];
    private int groupCount;
    // after finish(): the store rows sorted by (group, value); group g's run is sorted[start[g]..start[g+1])
    private int[] sorted;
    private int[] start;
    private SortColumn keys;

    /** {@code fraction} and {@code descending} are the quantile's parameters (ignored by MODE). */
    public SortedValuesAccumulator(AggregateFunction function, DataType inputType, DataType resultType, double fraction, boolean descending,
            BufferAllocator allocator)
    {
        super(resultType);
        if (function != AggregateFunction.QUANTILE_CONT && function != AggregateFunction.QUANTILE_DISC && function != AggregateFunction.MODE) {
            throw new IllegalArgumentException("not a sorted-values aggregate: " + function);
        }
        this.function = function;
        this.inputType = requireNonNull(inputType, "inputType is null");
        this.fraction = fraction;
        this.descending = descending;
        this.allocator = allocator;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        if (sorted != null) {
            throw new IllegalStateException("input after results were written");
        }
        MemorySegment validity = Vectors.validity(input);
        if (positions.length < count) {
            positions = new int[Math.max(count, 2 * positions.length)];
        }
        if (store == null) {
            store = new ColumnStore(List.of(inputType), requireNonNull(allocator, "allocator is null"));
        }
        int base = store.rowCount();
        if (storeGroups.length < base + count) {
            storeGroups = Arrays.copyOf(storeGroups, Math.max(base + count, 2 * storeGroups.length));
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (Bitmaps.isSet(validity, p)) {
                positions[n] = p;
                storeGroups[base + n] = groupIds[i];
                n++;
            }
        }
        if (n > 0) {
            store.append(List.of(input), positions, n);
        }
    }

    /** Sorts the values by group, then value (rows of equal values keep arrival order). */
    private void finish()
    {
        if (sorted != null) {
            return;
        }
        int rowCount = store == null ? 0 : store.rowCount();
        int[] byValue = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            byValue[i] = i;
        }
        if (rowCount > 0) {
            keys = new SortColumn(store.vector(0), inputType, true, false, rowCount);
            IndexSorter.sort(byValue, rowCount, List.of(keys));
            if (function == AggregateFunction.MODE) {
                // ties must keep arrival order for "first seen"; IndexSorter does not promise stability
                stabilize(byValue, rowCount);
            }
        }
        start = new int[groupCount + 1];
        for (int i = 0; i < rowCount; i++) {
            start[storeGroups[i] + 1]++;
        }
        for (int g = 0; g < groupCount; g++) {
            start[g + 1] += start[g];
        }
        int[] next = Arrays.copyOf(start, groupCount);
        sorted = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            int row = byValue[i];
            sorted[next[storeGroups[row]]++] = row;
        }
    }

    /** Sorts runs of equal values by row number. */
    private void stabilize(int[] rows, int count)
    {
        int runStart = 0;
        for (int i = 1; i <= count; i++) {
            if (i == count || keys.compare(rows[i], rows[runStart]) != 0) {
                if (i - runStart > 1) {
                    Arrays.sort(rows, runStart, i);
                }
                runStart = i;
            }
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        finish();
        if (function == AggregateFunction.QUANTILE_CONT) {
            writeContinuous(from, count, output);
            return;
        }
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            int g = from + i;
            int first = start[g];
            int n = start[g + 1] - first;
            if (n == 0) {
                rows[i] = -1;
            }
            else if (function == AggregateFunction.QUANTILE_DISC) {
                int index = Math.max(0, (int) Math.ceil(n * fraction) - 1);
                index = Math.min(index, n - 1);
                rows[i] = sorted[first + (descending ? n - 1 - index : index)];
            }
            else {
                rows[i] = mode(first, n);
            }
        }
        Vectors.ensureCapacity(output, inputType, count);
        if (store == null) {
            try (ColumnStore empty = new ColumnStore(List.of(inputType), output.getAllocator())) {
                VectorCopier.copy(inputType, empty.vector(0), null, rows, count, output, 0);
            }
            return;
        }
        VectorCopier.copy(inputType, store.vector(0), store.validity(0), rows, count, output, 0);
    }

    /** The first row of the most frequent value in a group's sorted run; ties go to the value seen first. */
    private int mode(int first, int n)
    {
        int best = -1;
        int bestCount = 0;
        int runStart = first;
        int end = first + n;
        for (int i = first + 1; i <= end; i++) {
            if (i == end || keys.compare(sorted[i], sorted[runStart]) != 0) {
                int runCount = i - runStart;
                // runs keep arrival order, so sorted[runStart] is the value's first occurrence
                if (runCount > bestCount || (runCount == bestCount && sorted[runStart] < best)) {
                    best = sorted[runStart];
                    bestCount = runCount;
                }
                runStart = i;
            }
        }
        return best;
    }

    private void writeContinuous(int from, int count, FieldVector output)
    {
        DataType resultType = resultType();
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        FieldVector values = store == null ? null : store.vector(0);
        MemorySegment source = values == null ? null : Vectors.data(values);
        for (int i = 0; i < count; i++) {
            int g = from + i;
            int first = start[g];
            int n = start[g + 1] - first;
            Bitmaps.set(validity, i, n > 0);
            if (n == 0) {
                continue;
            }
            // DuckDB: RN = (n-1)q, interpolate between the values at floor(RN) and ceil(RN) (counted from the top when descending)
            double rn = (n - 1) * fraction;
            int lowIndex = (int) Math.floor(rn);
            int highIndex = (int) Math.ceil(rn);
            double delta = rn - lowIndex;
            int low = sorted[first + (descending ? n - 1 - lowIndex : lowIndex)];
            int high = sorted[first + (descending ? n - 1 - highIndex : highIndex)];
            switch (resultType) {
                case DecimalType decimal when decimal.isShort() -> {
                    long lo = source.getAtIndex(LONG, low);
                    long hi = source.getAtIndex(LONG, high);
                    long result = lowIndex == highIndex ? lo : lo + (long) ((hi - lo) * delta);
                    data.setAtIndex(LONG, i, result);
                }
                case DecimalType decimal -> {
                    BigInteger lo = DecimalMath.toBigInteger(source.getAtIndex(LONG, 2L * low + 1), source.getAtIndex(LONG, 2L * low));
                    BigInteger hi = DecimalMath.toBigInteger(source.getAtIndex(LONG, 2L * high + 1), source.getAtIndex(LONG, 2L * high));
                    BigInteger result = lowIndex == highIndex ? lo
                            : lo.add(new BigDecimal(hi.subtract(lo)).multiply(new BigDecimal(delta)).setScale(0, RoundingMode.DOWN).toBigInteger());
                    long[] words = new long[2];
                    DecimalMath.fromBigInteger(result, words);
                    data.setAtIndex(LONG, 2L * i, words[1]);
                    data.setAtIndex(LONG, 2L * i + 1, words[0]);
                }
                case RealType r -> {
                    float lo = source.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, low);
                    float hi = source.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, high);
                    data.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i, lowIndex == highIndex ? lo : (float) (lo + (hi - lo) * delta));
                }
                default -> {
                    double lo = readDouble(source, low);
                    double hi = readDouble(source, high);
                    data.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, lowIndex == highIndex ? lo : lo + (hi - lo) * delta);
                }
            }
        }
    }

    private double readDouble(MemorySegment source, int row)
    {
        if (inputType instanceof DoubleType) {
            return source.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, row);
        }
        return switch (Vectors.width(inputType)) {
            case 8 -> source.getAtIndex(LONG, row);
            case 4 -> source.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, row);
            case 2 -> source.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, row);
            default -> throw new IllegalStateException("quantile_cont over " + inputType);
        };
    }

    @Override
    public long bytes()
    {
        long bytes = 4L * (storeGroups.length + positions.length);
        if (sorted != null) {
            bytes += 4L * (sorted.length + start.length) + 8L * sorted.length;
        }
        return bytes;
    }

    @Override
    public void close()
    {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
