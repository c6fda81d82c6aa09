package dev.basalt.planner.evaluate;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntervalMathTest
{
    private static final long HOUR = 3_600_000_000L;

    private static Object fold(Function function, Object left, Object right)
    {
        return ConstantEvaluator.evaluate(function, List.of(left, right), List.of(DataTypes.INTERVAL, DataTypes.DOUBLE), DataTypes.INTERVAL);
    }

    @Test
    void foldsIntervalArithmetic()
    {
        assertEquals(new Interval(0, 1, 3 * HOUR), fold(Function.ADD, Interval.ofDays(1), Interval.ofMicros(3 * HOUR)));
        assertEquals(new Interval(1, 2, -3 * HOUR), fold(Function.SUBTRACT, new Interval(1, 2, 0), Interval.ofMicros(3 * HOUR)));
        assertEquals(new Interval(3, 9, 15 * HOUR), fold(Function.MULTIPLY, new Interval(1, 3, 5 * HOUR), 3L));
        assertEquals(new Interval(1, 16, 12 * HOUR), fold(Function.MULTIPLY, new Interval(1, 1, 0), 1.5));
        assertEquals(new Interval(0, 10, 0), fold(Function.DIVIDE, Interval.ofMonths(1), 3.0));
        assertEquals(new Interval(-1, -2, -3 * HOUR),
                ConstantEvaluator.evaluate(Function.NEGATE, List.of(new Interval(1, 2, 3 * HOUR)), List.of(DataTypes.INTERVAL), DataTypes.INTERVAL));
    }

    @Test
    void overflowAndDivisionByZero()
    {
        long[] out = new long[3];
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(BasaltException.class, () -> IntervalMath.add(Integer.MAX_VALUE, 0, 0, 1, 0, 0, 1, out)).code());
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(BasaltException.class, () -> IntervalMath.multiply(0, 0, 1, 3_000_000_000L, out)).code());
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(BasaltException.class, () -> IntervalMath.scale(0, 1, 0, Double.POSITIVE_INFINITY, false, out)).code());
        assertEquals(ErrorCode.DIVISION_BY_ZERO,
                assertThrows(BasaltException.class, () -> IntervalMath.scale(0, 1, 0, 0.0, true, out)).code());
    }
}
