package dev.basalt.execution.aggregate;

import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The accumulators added for statistics, quantiles, string_agg and row picks, driven directly. */
class HolisticAccumulatorsTest
{
    private static FieldVector vector(RootAllocator allocator, DataType type, Object... values)
    {
        FieldVector vector = Vectors.create(type, "v", allocator);
        Vectors.ensureCapacity(vector, type, values.length);
        for (int i = 0; i < values.length; i++) {
            Values.write(vector, type, i, values[i]);
        }
        vector.setValueCount(values.length);
        return vector;
    }

    private static List<Object> results(RootAllocator allocator, Accumulator accumulator, int groups)
    {
        try (FieldVector output = Vectors.create(accumulator.resultType(), "out", allocator)) {
            accumulator.write(0, groups, output);
            output.setValueCount(groups);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < groups; i++) {
                values.add(Values.read(output, accumulator.resultType(), i));
            }
            return values;
        }
    }

    @Test
    void decimalQuantilesTruncateLikeDuckDb()
    {
        DecimalType type = DecimalType.of(10, 2);
        try (RootAllocator allocator = new RootAllocator();
                FieldVector input = vector(allocator, type, new BigDecimal("1.01"), new BigDecimal("1.02"), null, new BigDecimal("1.04"), new BigDecimal("7.00"));
                SortedValuesAccumulator median = new SortedValuesAccumulator(AggregateFunction.QUANTILE_CONT, type, type, 0.5, false, allocator);
                SortedValuesAccumulator seventy = new SortedValuesAccumulator(AggregateFunction.QUANTILE_CONT, type, type, 0.7, false, allocator);
                SortedValuesAccumulator descending = new SortedValuesAccumulator(AggregateFunction.QUANTILE_DISC, type, type, 0.25, true, allocator)) {
            int[] groups = {0, 0, 0, 0, 1};
            for (SortedValuesAccumulator accumulator : List.of(median, seventy, descending)) {
                accumulator.ensureCapacity(3);
                accumulator.add(input, null, 5, groups);
            }
            // group 0: 1.01, 1.02, 1.04; group 1: 7.00; group 2: no rows
            assertEquals(Arrays.asList(new BigDecimal("1.02"), new BigDecimal("7.00"), null), results(allocator, median, 3));
            // (n-1)q = 1.4: 1.02 + 0.4 * 0.02 = 1.028, truncated
            assertEquals(Arrays.asList(new BigDecimal("1.02"), new BigDecimal("7.00"), null), results(allocator, seventy, 3));
            // from the top: index ceil(3 * 0.25) - 1 = 0 of 1.04, 1.02, 1.01
            assertEquals(Arrays.asList(new BigDecimal("1.04"), new BigDecimal("7.00"), null), results(allocator, descending, 3));
        }
    }

    @Test
    void bitAggregatesKeepTheInputTypeAndSkipNulls()
    {
        try (RootAllocator allocator = new RootAllocator();
                FieldVector input = vector(allocator, DataTypes.SMALLINT, (short) 12, (short) 10, null, (short) 6)) {
            int[] groups = {0, 0, 1, 0};
            List<Object> and = null;
            List<Object> or = null;
            List<Object> xor = null;
            for (AggregateFunction function : List.of(AggregateFunction.BIT_AND, AggregateFunction.BIT_OR, AggregateFunction.BIT_XOR)) {
                BitAccumulator accumulator = new BitAccumulator(function, DataTypes.SMALLINT);
                accumulator.ensureCapacity(2);
                accumulator.add(input, null, 4, groups);
                List<Object> result = results(allocator, accumulator, 2);
                switch (function) {
                    case BIT_AND -> and = result;
                    case BIT_OR -> or = result;
                    default -> xor = result;
                }
            }
            assertEquals(Arrays.asList((short) 0, null), and);
            assertEquals(Arrays.asList((short) 14, null), or);
            assertEquals(Arrays.asList((short) 0, null), xor);
        }
    }

    @Test
    void stringAggJoinsInArrivalOrderAndNullSeparatorGivesNull()
    {
        try (RootAllocator allocator = new RootAllocator();
                FieldVector input = vector(allocator, DataTypes.VARCHAR, "a", null, "bé", "c", "")) {
            int[] groups = {1, 1, 1, 0, 1};
            StringAggAccumulator joined = new StringAggAccumulator(", ");
            joined.ensureCapacity(3);
            joined.add(input, null, 5, groups);
            assertEquals(Arrays.asList("c", "a, bé, ", null), results(allocator, joined, 3));
            StringAggAccumulator nullSeparator = new StringAggAccumulator(null);
            nullSeparator.ensureCapacity(2);
            nullSeparator.add(input, null, 5, groups);
            assertEquals(Arrays.asList(null, null), results(allocator, nullSeparator, 2));
        }
    }

    @Test
    void pickRowsAcrossBatchesAndOrderedInput()
    {
        try (RootAllocator allocator = new RootAllocator()) {
            try (PickRowAccumulator last = new PickRowAccumulator(AggregateFunction.LAST, DataTypes.VARCHAR, null, allocator);
                    PickRowAccumulator anyValue = new PickRowAccumulator(AggregateFunction.ANY_VALUE, DataTypes.VARCHAR, null, allocator);
                    PickRowAccumulator argMin = new PickRowAccumulator(AggregateFunction.ARG_MIN, DataTypes.VARCHAR, DataTypes.INTEGER, allocator);
                    OrderedAccumulator firstByKey = new OrderedAccumulator(new PickRowAccumulator(AggregateFunction.FIRST, DataTypes.VARCHAR, null, allocator),
                            List.of(DataTypes.VARCHAR), List.of(DataTypes.INTEGER), List.of(new SortKey(0, false, true)), allocator)) {
                for (PickRowAccumulator accumulator : List.of(last, anyValue, argMin)) {
                    accumulator.ensureCapacity(2);
                }
                firstByKey.ensureCapacity(2);
                Object[][] texts = {{null, "x", "y"}, {"z", "w", null}};
                Object[][] keys = {{5, 3, null}, {1, 3, 0}};
                int[][] groups = {{0, 0, 0}, {0, 1, 1}};
                for (int batch = 0; batch < 2; batch++) {
                    try (FieldVector text = vector(allocator, DataTypes.VARCHAR, texts[batch]);
                            FieldVector key = vector(allocator, DataTypes.INTEGER, keys[batch])) {
                        int[] rows = {0, 1, 2};
                        last.add(text, rows, 3, groups[batch]);
                        anyValue.add(text, rows, 3, groups[batch]);
                        argMin.add(new FieldVector[] {text, key}, rows, 3, groups[batch]);
                        firstByKey.addWithKeys(List.of(text, key), rows, 3, groups[batch]);
                    }
                }
                // group 0: (null,5) (x,3) (y,null) (z,1); group 1: (w,3) (null,0)
                assertEquals(Arrays.asList("z", null), results(allocator, last, 2));
                assertEquals(Arrays.asList("x", "w"), results(allocator, anyValue, 2));
                assertEquals(Arrays.asList("z", "w"), results(allocator, argMin, 2));
                // ORDER BY key DESC NULLS FIRST: group 0 starts with y (NULL key), group 1 with w (3)
                assertEquals(Arrays.asList("y", "w"), results(allocator, firstByKey, 2));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void momentsFollowDuckDbEdgeCases()
    {
        try (RootAllocator allocator = new RootAllocator();
                FieldVector x = vector(allocator, DataTypes.DOUBLE, 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0, 3.0, null)) {
            int[] groups = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
            List<Object> samp = results(allocator, moments(AggregateFunction.STDDEV_SAMP, x, groups), 3);
            List<Object> pop = results(allocator, moments(AggregateFunction.STDDEV_POP, x, groups), 3);
            List<Object> variance = results(allocator, moments(AggregateFunction.VAR_POP, x, groups), 3);
            assertEquals(Math.sqrt(32.0 / 7), (Double) samp.get(0), 1e-12);
            assertEquals(Arrays.asList(null, null), samp.subList(1, 3));
            assertEquals(Arrays.asList(2.0, 0.0, null), pop);
            assertEquals(Arrays.asList(4.0, 0.0, null), variance);
        }
    }

    @Test
    void mergedMomentsEqualOnePass()
    {
        try (RootAllocator allocator = new RootAllocator();
                FieldVector y = vector(allocator, DataTypes.DOUBLE, 1.0, 2.5, null, 7.0, 3.0, 8.5, 2.0, 4.0, -1.0, 6.0);
                FieldVector x = vector(allocator, DataTypes.DOUBLE, 2.0, 3.5, 1.0, 8.0, null, 9.0, 1.5, 4.5, 0.5, 5.0)) {
            int[] groups = {0, 1, 0, 0, 1, 0, 1, 0, 0, 1};
            for (AggregateFunction function : List.of(AggregateFunction.VAR_SAMP, AggregateFunction.STDDEV_POP, AggregateFunction.COVAR_SAMP,
                    AggregateFunction.CORR, AggregateFunction.REGR_SLOPE, AggregateFunction.REGR_INTERCEPT)) {
                boolean pair = function != AggregateFunction.VAR_SAMP && function != AggregateFunction.STDDEV_POP;
                FieldVector[] inputs = pair ? new FieldVector[] {y, x} : new FieldVector[] {x};
                MomentsAccumulator whole = new MomentsAccumulator(function);
                whole.ensureCapacity(2);
                whole.add(inputs, null, 10, groups);
                // partial states over rows 0..3 and 4..9 (group ids 0/1 in both), merged into a fresh one
                MomentsAccumulator first = new MomentsAccumulator(function);
                MomentsAccumulator second = new MomentsAccumulator(function);
                MomentsAccumulator merged = new MomentsAccumulator(function);
                first.ensureCapacity(2);
                second.ensureCapacity(2);
                merged.ensureCapacity(2);
                first.add(inputs, new int[] {0, 1, 2, 3}, 4, Arrays.copyOfRange(groups, 0, 4));
                second.add(inputs, new int[] {4, 5, 6, 7, 8, 9}, 6, Arrays.copyOfRange(groups, 4, 10));
                merged.merge(first, new int[] {0, 1}, 2);
                merged.merge(second, new int[] {0, 1}, 2);
                List<Object> expected = results(allocator, whole, 2);
                List<Object> actual = results(allocator, merged, 2);
                for (int g = 0; g < 2; g++) {
                    assertEquals((Double) expected.get(g), (Double) actual.get(g), 1e-9, function + " group " + g);
                }
            }
        }
    }

    private static MomentsAccumulator moments(AggregateFunction function, FieldVector input, int[] groups)
    {
        MomentsAccumulator accumulator = new MomentsAccumulator(function);
        accumulator.ensureCapacity(3);
        accumulator.add(input, null, groups.length, groups);
        return accumulator;
    }
}
