package dev.basalt.planner.evaluate;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpressionSimplifierTest
{
    private static final InputReference X = new InputReference(0, DataTypes.INTEGER);

    private static Constant constant(Object value, DataType type)
    {
        return new Constant(value, type);
    }

    private static RowExpression call(Function function, DataType type, RowExpression... arguments)
    {
        return new Call(function, List.of(arguments), type);
    }

    private static RowExpression simplify(RowExpression expression)
    {
        return ExpressionSimplifier.simplify(expression);
    }

    @Test
    void arithmetic()
    {
        assertEquals(constant(7, DataTypes.INTEGER), simplify(call(Function.ADD, DataTypes.INTEGER, constant(3, DataTypes.INTEGER), constant(4, DataTypes.INTEGER))));
        assertEquals(constant(new BigDecimal("0.0030"), DecimalType.of(6, 4)),
                simplify(call(Function.MULTIPLY, DecimalType.of(6, 4), constant(new BigDecimal("0.05"), DecimalType.of(3, 2)), constant(new BigDecimal("0.06"), DecimalType.of(3, 2)))));
        assertEquals(constant(-2L, DataTypes.BIGINT), simplify(call(Function.DIVIDE, DataTypes.BIGINT, constant(-7L, DataTypes.BIGINT), constant(3L, DataTypes.BIGINT))));
        assertEquals(constant((short) 5, DataTypes.SMALLINT), simplify(call(Function.ABS, DataTypes.SMALLINT, constant((short) -5, DataTypes.SMALLINT))));
        // errors stay for execution
        RowExpression overflow = call(Function.ADD, DataTypes.INTEGER, constant(Integer.MAX_VALUE, DataTypes.INTEGER), constant(1, DataTypes.INTEGER));
        assertSame(overflow, simplify(overflow));
        RowExpression zero = call(Function.MODULO, DataTypes.INTEGER, X, constant(0, DataTypes.INTEGER));
        assertSame(zero, simplify(zero));
        RowExpression doubleByZero = call(Function.DIVIDE, DataTypes.DOUBLE, constant(1.0, DataTypes.DOUBLE), constant(0.0, DataTypes.DOUBLE));
        assertSame(doubleByZero, simplify(doubleByZero));
        RowExpression decimalOverflow = call(Function.ADD, DecimalType.of(3, 2), constant(new BigDecimal("9.99"), DecimalType.of(3, 2)), constant(new BigDecimal("9.99"), DecimalType.of(3, 2)));
        assertSame(decimalOverflow, simplify(decimalOverflow));
    }

    @Test
    void nullPropagation()
    {
        assertEquals(constant(null, DataTypes.INTEGER), simplify(call(Function.ADD, DataTypes.INTEGER, X, constant(null, DataTypes.INTEGER))));
        assertEquals(constant(null, DataTypes.BOOLEAN), simplify(call(Function.EQUAL, DataTypes.BOOLEAN, X, constant(null, DataTypes.INTEGER))));
        assertEquals(Expressions.TRUE, simplify(call(Function.IS_NULL, DataTypes.BOOLEAN, constant(null, DataTypes.INTEGER))));
        assertEquals(Expressions.FALSE, simplify(call(Function.IS_DISTINCT_FROM, DataTypes.BOOLEAN, constant(null, DataTypes.INTEGER), constant(null, DataTypes.INTEGER))));
        assertEquals(X, simplify(call(Function.COALESCE, DataTypes.INTEGER, constant(null, DataTypes.INTEGER), X)));
        assertEquals(constant(1, DataTypes.INTEGER), simplify(call(Function.COALESCE, DataTypes.INTEGER, constant(1, DataTypes.INTEGER), X)));
        assertEquals(X, simplify(call(Function.NULLIF, DataTypes.INTEGER, X, constant(null, DataTypes.INTEGER))));
    }

    @Test
    void threeValuedLogic()
    {
        RowExpression p = call(Function.GREATER_THAN, DataTypes.BOOLEAN, X, constant(1, DataTypes.INTEGER));
        Constant nullBoolean = constant(null, DataTypes.BOOLEAN);
        assertEquals(Expressions.FALSE, simplify(call(Function.AND, DataTypes.BOOLEAN, p, Expressions.FALSE, nullBoolean)));
        assertEquals(call(Function.AND, DataTypes.BOOLEAN, p, nullBoolean), simplify(call(Function.AND, DataTypes.BOOLEAN, p, Expressions.TRUE, nullBoolean)));
        assertEquals(Expressions.TRUE, simplify(call(Function.OR, DataTypes.BOOLEAN, nullBoolean, p, Expressions.TRUE)));
        assertEquals(p, simplify(call(Function.OR, DataTypes.BOOLEAN, Expressions.FALSE, p)));
        assertEquals(nullBoolean, simplify(call(Function.NOT, DataTypes.BOOLEAN, nullBoolean)));
        assertEquals(p, simplify(call(Function.NOT, DataTypes.BOOLEAN, call(Function.NOT, DataTypes.BOOLEAN, p))));
        // a OR (a AND b) is a
        RowExpression q = call(Function.LESS_THAN, DataTypes.BOOLEAN, X, constant(9, DataTypes.INTEGER));
        assertEquals(p, simplify(call(Function.OR, DataTypes.BOOLEAN, p, call(Function.AND, DataTypes.BOOLEAN, p, q))));
    }

    @Test
    void caseAndInAndLike()
    {
        Constant one = constant(1, DataTypes.INTEGER);
        Constant two = constant(2, DataTypes.INTEGER);
        RowExpression p = call(Function.GREATER_THAN, DataTypes.BOOLEAN, X, one);
        CaseExpression taken = new CaseExpression(List.of(new CaseExpression.WhenClause(Expressions.FALSE, X),
                new CaseExpression.WhenClause(Expressions.TRUE, one)), two, DataTypes.INTEGER);
        assertEquals(one, simplify(taken));
        CaseExpression undecided = new CaseExpression(List.of(new CaseExpression.WhenClause(constant(null, DataTypes.BOOLEAN), X),
                new CaseExpression.WhenClause(p, one)), two, DataTypes.INTEGER);
        assertEquals(new CaseExpression(List.of(new CaseExpression.WhenClause(p, one)), two, DataTypes.INTEGER), simplify(undecided));
        // a division by zero in a branch stays (it may never be evaluated)
        RowExpression division = call(Function.DIVIDE, DataTypes.INTEGER, one, constant(0, DataTypes.INTEGER));
        CaseExpression guarded = new CaseExpression(List.of(new CaseExpression.WhenClause(p, division)), two, DataTypes.INTEGER);
        assertSame(guarded, simplify(guarded));

        assertEquals(Expressions.TRUE, simplify(new InListExpression(two, List.of(one, two))));
        assertEquals(constant(null, DataTypes.BOOLEAN), simplify(new InListExpression(two, List.of(one, constant(null, DataTypes.INTEGER)))));
        assertEquals(Expressions.FALSE, simplify(new InListExpression(two, List.of(one))));

        Constant text = constant("PROMO BRUSHED", DataTypes.VARCHAR);
        assertEquals(Expressions.TRUE, simplify(new LikeExpression(text, constant("PROMO%", DataTypes.VARCHAR), Optional.empty(), false)));
        assertEquals(Expressions.FALSE, simplify(new LikeExpression(text, constant("%STEEL", DataTypes.VARCHAR), Optional.empty(), false)));
        assertEquals(Expressions.TRUE, simplify(new LikeExpression(constant("a%b", DataTypes.VARCHAR), constant("a!%_", DataTypes.VARCHAR),
                Optional.of(constant("!", DataTypes.VARCHAR)), false)));
        assertEquals(Expressions.TRUE, simplify(new LikeExpression(text, constant("promo%", DataTypes.VARCHAR), Optional.empty(), true)));
    }

    @Test
    void dateColumnAgainstTimestampConstantComparesAsDate()
    {
        InputReference d = new InputReference(0, DataTypes.DATE);
        RowExpression widened = new Cast(d, DataTypes.TIMESTAMP, false);
        Constant midnight = constant(LocalDateTime.parse("2020-01-01T00:00"), DataTypes.TIMESTAMP);
        Constant noon = constant(LocalDateTime.parse("2020-01-01T12:00"), DataTypes.TIMESTAMP);
        Constant day = constant(LocalDate.parse("2020-01-01"), DataTypes.DATE);
        DataType b = DataTypes.BOOLEAN;
        // TPC-H: l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY (a TIMESTAMP) stays a DATE comparison
        assertEquals(call(Function.LESS_THAN_OR_EQUAL, b, d, constant(LocalDate.parse("1998-09-02"), DataTypes.DATE)),
                simplify(call(Function.LESS_THAN_OR_EQUAL, b, widened, call(Function.DATE_SUBTRACT, DataTypes.TIMESTAMP,
                        constant(LocalDate.parse("1998-12-01"), DataTypes.DATE), constant(Interval.ofDays(90), DataTypes.INTERVAL)))));
        for (Function function : List.of(Function.EQUAL, Function.NOT_EQUAL, Function.LESS_THAN, Function.LESS_THAN_OR_EQUAL, Function.GREATER_THAN,
                Function.GREATER_THAN_OR_EQUAL)) {
            assertEquals(call(function, b, d, day), simplify(call(function, b, widened, midnight)), function.name());
        }
        // a constant inside the day: d < noon <=> d <= day; d >= noon <=> d > day; equality stays as it is
        assertEquals(call(Function.LESS_THAN_OR_EQUAL, b, d, day), simplify(call(Function.LESS_THAN, b, widened, noon)));
        assertEquals(call(Function.LESS_THAN_OR_EQUAL, b, d, day), simplify(call(Function.LESS_THAN_OR_EQUAL, b, widened, noon)));
        assertEquals(call(Function.GREATER_THAN, b, d, day), simplify(call(Function.GREATER_THAN, b, widened, noon)));
        assertEquals(call(Function.GREATER_THAN, b, d, day), simplify(call(Function.GREATER_THAN_OR_EQUAL, b, widened, noon)));
        assertEquals(call(Function.EQUAL, b, widened, noon), simplify(call(Function.EQUAL, b, widened, noon)));
        // constant on the left: noon > d <=> d < noon
        assertEquals(call(Function.LESS_THAN_OR_EQUAL, b, d, day), simplify(call(Function.GREATER_THAN, b, noon, widened)));
        assertEquals(call(Function.GREATER_THAN, b, d, day), simplify(call(Function.LESS_THAN_OR_EQUAL, b, noon, widened)));
    }

    @Test
    void casts()
    {
        assertEquals(constant(LocalDate.parse("1995-03-15"), DataTypes.DATE), simplify(new Cast(constant("1995-03-15", DataTypes.VARCHAR), DataTypes.DATE)));
        assertEquals(constant(3, DataTypes.INTEGER), simplify(new Cast(constant(new BigDecimal("2.50"), DecimalType.of(3, 2)), DataTypes.INTEGER)));
        assertEquals(constant(2, DataTypes.INTEGER), simplify(new Cast(constant(2.5, DataTypes.DOUBLE), DataTypes.INTEGER)));
        assertEquals(constant(new BigDecimal("1.24"), DecimalType.of(5, 2)), simplify(new Cast(constant(" 1.235 ", DataTypes.VARCHAR), DecimalType.of(5, 2))));
        assertEquals(constant(LocalDateTime.parse("1995-03-15T00:00"), DataTypes.TIMESTAMP), simplify(new Cast(constant(LocalDate.parse("1995-03-15"), DataTypes.DATE), DataTypes.TIMESTAMP)));
        assertEquals(constant("12.50", DataTypes.VARCHAR), simplify(new Cast(constant(new BigDecimal("12.50"), DecimalType.of(4, 2)), DataTypes.VARCHAR)));
        assertEquals(constant(true, DataTypes.BOOLEAN), simplify(new Cast(constant(7, DataTypes.INTEGER), DataTypes.BOOLEAN)));
        assertEquals(constant(new Interval(14, 3, 0), DataTypes.INTERVAL), simplify(new Cast(constant("1 year 2 months 3 days", DataTypes.VARCHAR), DataTypes.INTERVAL)));
        Cast bad = new Cast(constant("x", DataTypes.VARCHAR), DataTypes.DATE);
        assertSame(bad, simplify(bad));
        Cast outOfRange = new Cast(constant(70000, DataTypes.INTEGER), DataTypes.SMALLINT);
        assertSame(outOfRange, simplify(outOfRange));
        // double to text formatting is left to execution
        Cast doubleText = new Cast(constant(1.5, DataTypes.DOUBLE), DataTypes.VARCHAR);
        assertSame(doubleText, simplify(doubleText));
    }

    @Test
    void datesAndStrings()
    {
        Constant date = constant(LocalDate.parse("1995-01-31"), DataTypes.DATE);
        assertEquals(constant(LocalDate.parse("1995-02-28"), DataTypes.DATE),
                simplify(call(Function.DATE_ADD, DataTypes.DATE, date, constant(Interval.ofMonths(1), DataTypes.INTERVAL))));
        assertEquals(constant(LocalDate.parse("1994-01-31"), DataTypes.DATE),
                simplify(call(Function.DATE_SUBTRACT, DataTypes.DATE, date, constant(Interval.ofMonths(12), DataTypes.INTERVAL))));
        assertEquals(constant(30L, DataTypes.BIGINT), simplify(call(Function.DATE_DIFF, DataTypes.BIGINT, date, constant(LocalDate.parse("1995-01-01"), DataTypes.DATE))));
        assertEquals(constant(1995L, DataTypes.BIGINT), simplify(call(Function.DATE_PART, DataTypes.BIGINT, constant("year", DataTypes.VARCHAR), date)));
        assertEquals(constant(2L, DataTypes.BIGINT), simplify(call(Function.DATE_PART, DataTypes.BIGINT, constant("dow", DataTypes.VARCHAR), date)));
        Constant text = constant("  Hello  ", DataTypes.VARCHAR);
        assertEquals(constant("Hello", DataTypes.VARCHAR), simplify(call(Function.TRIM, DataTypes.VARCHAR, text)));
        assertEquals(constant("HELLO  ", DataTypes.VARCHAR), simplify(call(Function.UPPER, DataTypes.VARCHAR, call(Function.LTRIM, DataTypes.VARCHAR, text))));
        assertEquals(constant(9L, DataTypes.BIGINT), simplify(call(Function.LENGTH, DataTypes.BIGINT, text)));
        assertEquals(constant("He", DataTypes.VARCHAR), simplify(call(Function.SUBSTRING, DataTypes.VARCHAR, constant("Hello", DataTypes.VARCHAR),
                constant(0L, DataTypes.BIGINT), constant(3L, DataTypes.BIGINT))));
        assertEquals(constant("ab", DataTypes.VARCHAR), simplify(call(Function.CONCAT, DataTypes.VARCHAR, constant("a", DataTypes.VARCHAR), constant("b", DataTypes.VARCHAR))));
    }

    @Test
    void castingUserInput()
    {
        BasaltException e = assertThrows(BasaltException.class, () -> ConstantCaster.cast("12x", DataTypes.VARCHAR, DataTypes.INTEGER));
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code());
        e = assertThrows(BasaltException.class, () -> ConstantCaster.cast("1995-02-30", DataTypes.VARCHAR, DataTypes.DATE));
        assertEquals(ErrorCode.DATETIME_FIELD_OVERFLOW, e.code());
        e = assertThrows(BasaltException.class, () -> ConstantCaster.cast(new BigDecimal("123.45"), DecimalType.of(5, 2), DecimalType.of(4, 2)));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
        assertEquals(Optional.empty(), ConstantCaster.castExactly(new BigDecimal("2.5"), DecimalType.of(2, 1), DataTypes.INTEGER));
        assertEquals(Optional.of(new BigDecimal("24.00")), ConstantCaster.castExactly(24, DataTypes.INTEGER, DecimalType.of(15, 2)));
        assertEquals(Optional.empty(), ConstantCaster.castExactly(5_000_000_000L, DataTypes.BIGINT, DataTypes.INTEGER));
    }
}
