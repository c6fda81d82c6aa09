package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.execution.testing.ExpressionTester.assertFails;
import static dev.basalt.execution.testing.ExpressionTester.call;
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.constant;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IntervalArithmeticTest
{
    private static final DataType INTERVAL = DataTypes.INTERVAL;
    private static final long HOUR = 3_600_000_000L;

    @Test
    void addAndSubtractFieldByFieldWithNulls()
    {
        List<Object[]> input = Arrays.asList(
                new Object[] {new Interval(1, 2, 3 * HOUR), new Interval(0, 1, -HOUR)},
                new Object[] {null, new Interval(0, 1, 0)},
                new Object[] {new Interval(-7, 0, 0), null});
        assertEquals(Arrays.asList(new Interval(1, 3, 2 * HOUR), null, null),
                evaluate(call(Function.ADD, INTERVAL, column(0, INTERVAL), column(1, INTERVAL)), List.of(INTERVAL, INTERVAL), input));
        assertEquals(Arrays.asList(new Interval(1, 1, 4 * HOUR), null, null),
                evaluate(call(Function.SUBTRACT, INTERVAL, column(0, INTERVAL), column(1, INTERVAL)), List.of(INTERVAL, INTERVAL), input));
    }

    @Test
    void integerFactorIsExact()
    {
        List<Object[]> input = Arrays.asList(new Object[] {new Interval(1, 3, 5 * HOUR), 3L}, new Object[] {new Interval(-7, 0, 0), -3L}, new Object[] {new Interval(1, 1, 1), null});
        assertEquals(Arrays.asList(new Interval(3, 9, 15 * HOUR), new Interval(21, 0, 0), null),
                evaluate(call(Function.MULTIPLY, INTERVAL, column(0, INTERVAL), column(1, DataTypes.BIGINT)), List.of(INTERVAL, DataTypes.BIGINT), input));
    }

    @Test
    void fractionsCascadeDownAsInDuckDb()
    {
        // expected values computed by DuckDB 2.0
        List<Object[]> input = Arrays.asList(
                new Object[] {new Interval(1, 1, 0), 1.5},
                new Object[] {new Interval(0, 1, 0), -1.5},
                new Object[] {new Interval(0, 0, 1), 0.5},
                new Object[] {new Interval(1, 0, 0), 0.1});
        assertEquals(Arrays.asList(new Interval(1, 16, 12 * HOUR), new Interval(0, -1, -12 * HOUR), new Interval(0, 0, 0), new Interval(0, 3, 0)),
                evaluate(call(Function.MULTIPLY, INTERVAL, column(0, INTERVAL), column(1, DataTypes.DOUBLE)), List.of(INTERVAL, DataTypes.DOUBLE), input));
        List<Object[]> division = Arrays.asList(
                new Object[] {new Interval(-7, 0, 0), 2.0},
                new Object[] {new Interval(7, -3, 1), 2.5},
                new Object[] {new Interval(-25, 0, -7), 7.0},
                new Object[] {new Interval(0, 0, 3), 2.0});
        assertEquals(Arrays.asList(new Interval(-3, -15, 0), new Interval(2, 23, -(4 * HOUR + 48 * 60_000_000L)), new Interval(-3, -17, -(3 * HOUR + 25 * 60_000_000L + 42_844_801L)),
                        new Interval(0, 0, 2)),
                evaluate(call(Function.DIVIDE, INTERVAL, column(0, INTERVAL), column(1, DataTypes.DOUBLE)), List.of(INTERVAL, DataTypes.DOUBLE), division));
    }

    @Test
    void manyRowsWithConstantFactor()
    {
        List<Object[]> input = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            input.add(new Object[] {i % 7 == 0 ? null : new Interval(i, -i, i * 1000L)});
            expected.add(i % 7 == 0 ? null : new Interval(2 * i, -2 * i, i * 2000L));
        }
        assertEquals(expected, evaluate(call(Function.MULTIPLY, INTERVAL, column(0, INTERVAL), constant(2L, DataTypes.BIGINT)), List.of(INTERVAL), input));
    }

    @Test
    void overflowAndDivisionByZero()
    {
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.ADD, INTERVAL, column(0, INTERVAL), constant(Interval.ofMonths(2_000_000_000), INTERVAL)),
                List.of(INTERVAL), Interval.ofMonths(2_000_000_000)));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.MULTIPLY, INTERVAL, column(0, INTERVAL), constant(2L, DataTypes.BIGINT)),
                List.of(INTERVAL), Interval.ofDays(2_000_000_000)));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.MULTIPLY, INTERVAL, column(0, INTERVAL), constant(1e300, DataTypes.DOUBLE)),
                List.of(INTERVAL), Interval.ofDays(1)));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.MULTIPLY, INTERVAL, column(0, INTERVAL), constant(Double.NaN, DataTypes.DOUBLE)),
                List.of(INTERVAL), Interval.ofDays(1)));
        assertFails(ErrorCode.DIVISION_BY_ZERO, () -> evaluate(call(Function.DIVIDE, INTERVAL, column(0, INTERVAL), constant(0.0, DataTypes.DOUBLE)),
                List.of(INTERVAL), Interval.ofDays(1)));
    }
}
