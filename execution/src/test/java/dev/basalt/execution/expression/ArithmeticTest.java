package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.execution.testing.ExpressionTester.assertFails;
import static dev.basalt.execution.testing.ExpressionTester.call;
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.constant;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArithmeticTest
{
    private static List<Object[]> rows(Object[]... rows)
    {
        return Arrays.asList(rows);
    }

    @Test
    void integerArithmeticWithNulls()
    {
        DataType t = DataTypes.INTEGER;
        List<Object[]> input = rows(new Object[] {7, 2}, new Object[] {null, 2}, new Object[] {-7, 2}, new Object[] {7, null});
        assertEquals(Arrays.asList(9, null, -5, null), evaluate(call(Function.ADD, t, column(0, t), column(1, t)), List.of(t, t), input));
        assertEquals(Arrays.asList(5, null, -9, null), evaluate(call(Function.SUBTRACT, t, column(0, t), column(1, t)), List.of(t, t), input));
        assertEquals(Arrays.asList(14, null, -14, null), evaluate(call(Function.MULTIPLY, t, column(0, t), column(1, t)), List.of(t, t), input));
        assertEquals(Arrays.asList(3, null, -3, null), evaluate(call(Function.DIVIDE, t, column(0, t), column(1, t)), List.of(t, t), input));
        assertEquals(Arrays.asList(1, null, -1, null), evaluate(call(Function.MODULO, t, column(0, t), column(1, t)), List.of(t, t), input));
    }

    @Test
    void smallintAndBigintConstants()
    {
        assertEquals(Arrays.asList((short) 3, (short) -1), evaluate(call(Function.ADD, DataTypes.SMALLINT, column(0, DataTypes.SMALLINT), constant((short) 1, DataTypes.SMALLINT)),
                List.of(DataTypes.SMALLINT), rows(new Object[] {(short) 2}, new Object[] {(short) -2})));
        assertEquals(Arrays.asList(98L, 90L), evaluate(call(Function.SUBTRACT, DataTypes.BIGINT, constant(100L, DataTypes.BIGINT), column(0, DataTypes.BIGINT)),
                List.of(DataTypes.BIGINT), rows(new Object[] {2L}, new Object[] {10L})));
    }

    @Test
    void overflowRaises22003()
    {
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.ADD, DataTypes.INTEGER, column(0, DataTypes.INTEGER), constant(1, DataTypes.INTEGER)),
                List.of(DataTypes.INTEGER), Integer.MAX_VALUE));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.MULTIPLY, DataTypes.SMALLINT, column(0, DataTypes.SMALLINT), constant((short) 300, DataTypes.SMALLINT)),
                List.of(DataTypes.SMALLINT), (short) 300));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.DIVIDE, DataTypes.BIGINT, column(0, DataTypes.BIGINT), constant(-1L, DataTypes.BIGINT)),
                List.of(DataTypes.BIGINT), Long.MIN_VALUE));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.NEGATE, DataTypes.BIGINT, column(0, DataTypes.BIGINT)),
                List.of(DataTypes.BIGINT), Long.MIN_VALUE));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.ABS, DataTypes.INTEGER, column(0, DataTypes.INTEGER)),
                List.of(DataTypes.INTEGER), Integer.MIN_VALUE));
    }

    @Test
    void bigintKernelPathsDetectOverflowOnlyOnLiveRows()
    {
        // 300 rows (dense kernel path); one of them overflows
        List<Object[]> input = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            input.add(new Object[] {(long) i, (long) i * 3});
            expected.add((long) i * 4);
        }
        DataType t = DataTypes.BIGINT;
        assertEquals(expected, evaluate(call(Function.ADD, t, column(0, t), column(1, t)), List.of(t, t), input));
        input.set(150, new Object[] {Long.MAX_VALUE, 1L});
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.ADD, t, column(0, t), column(1, t)), List.of(t, t), input));
        // a NULL row whose garbage value would overflow must not raise
        input.set(150, new Object[] {null, 1L});
        expected.set(150, null);
        assertEquals(expected, evaluate(call(Function.ADD, t, column(0, t), column(1, t)), List.of(t, t), input));
        List<Object> products = evaluate(call(Function.MULTIPLY, t, column(0, t), constant(3_000_000_000L, t)), List.of(t, t), input);
        assertEquals(299L * 3_000_000_000L, products.get(299));
    }

    @Test
    void divisionByZeroRaises22012ForEveryType()
    {
        assertFails(ErrorCode.DIVISION_BY_ZERO, () -> evaluate(call(Function.DIVIDE, DataTypes.INTEGER, column(0, DataTypes.INTEGER), constant(0, DataTypes.INTEGER)),
                List.of(DataTypes.INTEGER), 5));
        assertFails(ErrorCode.DIVISION_BY_ZERO, () -> evaluate(call(Function.MODULO, DataTypes.BIGINT, column(0, DataTypes.BIGINT), column(1, DataTypes.BIGINT)),
                List.of(DataTypes.BIGINT, DataTypes.BIGINT), 5L, 0L));
        assertFails(ErrorCode.DIVISION_BY_ZERO, () -> evaluate(call(Function.DIVIDE, DataTypes.DOUBLE, column(0, DataTypes.DOUBLE), column(1, DataTypes.DOUBLE)),
                List.of(DataTypes.DOUBLE, DataTypes.DOUBLE), 5.0, 0.0));
        DecimalType d = DecimalType.of(10, 2);
        assertFails(ErrorCode.DIVISION_BY_ZERO, () -> evaluate(call(Function.DIVIDE, d, column(0, d), column(1, d)),
                List.of(d, d), new BigDecimal("1.00"), new BigDecimal("0.00")));
        // zero divisor on a NULL row is fine
        assertEquals(Arrays.asList((Object) null), evaluate(call(Function.DIVIDE, DataTypes.INTEGER, column(0, DataTypes.INTEGER), column(1, DataTypes.INTEGER)),
                List.of(DataTypes.INTEGER, DataTypes.INTEGER), rows(new Object[] {null, 0})));
    }

    @Test
    void doubleArithmetic()
    {
        DataType t = DataTypes.DOUBLE;
        List<Object[]> input = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            input.add(new Object[] {i * 1.5, i == 50 ? null : 2.0});
        }
        List<Object> values = evaluate(call(Function.MULTIPLY, t, column(0, t), column(1, t)), List.of(t, t), input);
        assertEquals(3.0 * 10, values.get(10));
        assertEquals(null, values.get(50));
        assertEquals(Arrays.asList(0.25, null), evaluate(call(Function.DIVIDE, t, column(0, t), column(1, t)), List.of(t, t), rows(new Object[] {0.5, 2.0}, new Object[] {1.0, null})));
        assertEquals(1.5f, evaluate(call(Function.ADD, DataTypes.REAL, column(0, DataTypes.REAL), constant(1.0f, DataTypes.REAL)), List.of(DataTypes.REAL), 0.5f));
        assertEquals(-2.5, evaluate(call(Function.NEGATE, t, column(0, t)), List.of(t), 2.5));
    }

    @Test
    void decimalAddRescalesOperands()
    {
        DecimalType a = DecimalType.of(15, 2);
        DecimalType b = DecimalType.of(10, 3);
        DecimalType result = DecimalType.of(17, 3);
        assertEquals(new BigDecimal("3.345"), evaluate(call(Function.ADD, result, column(0, a), column(1, b)), List.of(a, b), new BigDecimal("1.20"), new BigDecimal("2.145")));
        assertEquals(new BigDecimal("-0.945"), evaluate(call(Function.SUBTRACT, result, column(0, a), column(1, b)), List.of(a, b), new BigDecimal("1.20"), new BigDecimal("2.145")));
        // 1 - l_discount: DECIMAL(1,0) constant minus DECIMAL(15,2)
        DecimalType one = DecimalType.of(1, 0);
        List<Object[]> discounts = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            discounts.add(new Object[] {new BigDecimal(i % 11).movePointLeft(2).setScale(2)});
            expected.add(BigDecimal.ONE.subtract(new BigDecimal(i % 11).movePointLeft(2)).setScale(2));
        }
        assertEquals(expected, evaluate(call(Function.SUBTRACT, DecimalType.of(16, 2), constant(BigDecimal.ONE, one), column(0, a)), List.of(a), discounts));
    }

    @Test
    void decimalMultiplyIntoLongDecimal()
    {
        // l_extendedprice * (1 - l_discount): DECIMAL(15,2) * DECIMAL(16,2) = DECIMAL(31,4)
        DecimalType price = DecimalType.of(15, 2);
        DecimalType factor = DecimalType.of(16, 2);
        DecimalType product = DecimalType.of(31, 4);
        assertEquals(new BigDecimal("9999999999999.9900"), evaluate(call(Function.MULTIPLY, product, column(0, price), column(1, factor)), List.of(price, factor),
                new BigDecimal("9999999999999.99"), new BigDecimal("1.00")));
        assertEquals(new BigDecimal("-123456789012.0000"), evaluate(call(Function.MULTIPLY, product, column(0, price), column(1, factor)), List.of(price, factor),
                new BigDecimal("1234567890.12"), new BigDecimal("-100.00")));
        Object exact = evaluate(call(Function.MULTIPLY, product, column(0, price), column(1, factor)), List.of(price, factor),
                new BigDecimal("9999999999999.99"), new BigDecimal("99999999999999.99"));
        assertEquals(new BigDecimal("9999999999999.99").multiply(new BigDecimal("99999999999999.99")), exact);
        // * (1 + l_tax): DECIMAL(31,4) * DECIMAL(16,2) = DECIMAL(38,6)
        DecimalType charge = DecimalType.of(38, 6);
        assertEquals(new BigDecimal("1234.567800").multiply(new BigDecimal("1.08")).setScale(6),
                evaluate(call(Function.MULTIPLY, charge, column(0, product), column(1, factor)), List.of(product, factor), new BigDecimal("1234.5678"), new BigDecimal("1.08")));
        BigDecimal big = new BigDecimal("999999999999999999999999999.9999");
        assertEquals(big.multiply(new BigDecimal("99.99")), evaluate(call(Function.MULTIPLY, charge, column(0, product), column(1, factor)), List.of(product, factor), big, new BigDecimal("99.99")));
    }

    @Test
    void decimalOverflowRaises22003()
    {
        DecimalType small = DecimalType.of(4, 2);
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.ADD, small, column(0, small), column(1, small)), List.of(small, small),
                new BigDecimal("99.99"), new BigDecimal("0.01")));
        DecimalType wide = DecimalType.of(38, 0);
        BigDecimal max = new BigDecimal("99999999999999999999999999999999999999");
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.ADD, wide, column(0, wide), column(1, wide)), List.of(wide, wide), max, BigDecimal.ONE));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.MULTIPLY, wide, column(0, wide), column(1, DecimalType.of(2, 0))), List.of(wide, DecimalType.of(2, 0)),
                max, new BigDecimal("10")));
    }

    @Test
    void decimalDivisionRoundsHalfAwayFromZero()
    {
        DecimalType t = DecimalType.of(10, 2);
        assertEquals(new BigDecimal("0.67"), evaluate(call(Function.DIVIDE, t, column(0, t), column(1, t)), List.of(t, t), new BigDecimal("2.00"), new BigDecimal("3.00")));
        assertEquals(new BigDecimal("-0.67"), evaluate(call(Function.DIVIDE, t, column(0, t), column(1, t)), List.of(t, t), new BigDecimal("-2.00"), new BigDecimal("3.00")));
        assertEquals(new BigDecimal("0.01"), evaluate(call(Function.DIVIDE, t, column(0, t), column(1, t)), List.of(t, t), new BigDecimal("0.01"), new BigDecimal("2.00")));
        DecimalType wide = DecimalType.of(38, 10);
        assertEquals(new BigDecimal("0.3333333333"), evaluate(call(Function.DIVIDE, wide, column(0, wide), column(1, wide)), List.of(wide, wide), BigDecimal.ONE.setScale(10), new BigDecimal("3").setScale(10)));
        assertEquals(new BigDecimal("1.50"), evaluate(call(Function.MODULO, t, column(0, t), column(1, t)), List.of(t, t), new BigDecimal("7.50"), new BigDecimal("2.00")));
    }

    @Test
    void absAndNegateOnDecimals()
    {
        DecimalType t = DecimalType.of(20, 3);
        assertEquals(new BigDecimal("1.500"), evaluate(call(Function.ABS, t, column(0, t)), List.of(t), new BigDecimal("-1.500")));
        assertEquals(new BigDecimal("-2.000"), evaluate(call(Function.NEGATE, t, column(0, t)), List.of(t), new BigDecimal("2.000")));
        DecimalType s = DecimalType.of(5, 1);
        assertEquals(new BigDecimal("2.5"), evaluate(call(Function.NEGATE, s, column(0, s)), List.of(s), new BigDecimal("-2.5")));
    }
}
