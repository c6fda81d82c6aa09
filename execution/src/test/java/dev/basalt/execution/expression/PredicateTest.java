package dev.basalt.execution.expression;

import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.basalt.execution.testing.ExpressionTester.assertFails;
import static dev.basalt.execution.testing.ExpressionTester.call;
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.constant;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static dev.basalt.execution.testing.ExpressionTester.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PredicateTest
{
    private static final DataType B = DataTypes.BOOLEAN;

    @Test
    void comparisonsOnEveryType()
    {
        Object[][] cases = {
                {DataTypes.SMALLINT, (short) 1, (short) 2},
                {DataTypes.INTEGER, 1, 2},
                {DataTypes.BIGINT, 1L, 2L},
                {DataTypes.REAL, 1.0f, 2.0f},
                {DataTypes.DOUBLE, 1.0, 2.0},
                {DecimalType.of(10, 2), new BigDecimal("1.00"), new BigDecimal("2.00")},
                {DecimalType.of(30, 2), new BigDecimal("1.00"), new BigDecimal("2.00")},
                {DataTypes.VARCHAR, "abc", "abd"},
                {DataTypes.DATE, LocalDate.of(1998, 1, 1), LocalDate.of(1998, 1, 2)},
                {DataTypes.TIMESTAMP, java.time.LocalDateTime.of(2000, 1, 1, 0, 0), java.time.LocalDateTime.of(2000, 1, 1, 0, 1)},
                {DataTypes.BOOLEAN, false, true},
                {DataTypes.INTERVAL, Interval.ofDays(1), Interval.ofMonths(1)},
        };
        for (Object[] c : cases) {
            DataType type = (DataType) c[0];
            List<Object[]> rows = List.of(new Object[] {c[1], c[2]}, new Object[] {c[2], c[1]}, new Object[] {c[1], c[1]}, new Object[] {null, c[1]});
            List<DataType> types = List.of(type, type);
            assertEquals(Arrays.asList(true, false, false, null), evaluate(call(Function.LESS_THAN, B, column(0, type), column(1, type)), types, rows), type.sqlName());
            assertEquals(Arrays.asList(true, false, true, null), evaluate(call(Function.LESS_THAN_OR_EQUAL, B, column(0, type), column(1, type)), types, rows), type.sqlName());
            assertEquals(Arrays.asList(false, true, false, null), evaluate(call(Function.GREATER_THAN, B, column(0, type), column(1, type)), types, rows), type.sqlName());
            assertEquals(Arrays.asList(false, true, true, null), evaluate(call(Function.GREATER_THAN_OR_EQUAL, B, column(0, type), column(1, type)), types, rows), type.sqlName());
            assertEquals(Arrays.asList(false, false, true, null), evaluate(call(Function.EQUAL, B, column(0, type), column(1, type)), types, rows), type.sqlName());
            assertEquals(Arrays.asList(true, true, false, null), evaluate(call(Function.NOT_EQUAL, B, column(0, type), column(1, type)), types, rows), type.sqlName());
            // against a constant, on either side
            assertEquals(Arrays.asList(true, false, true, null),
                    evaluate(call(Function.LESS_THAN, B, column(0, type), constant(c[2], type)), List.of(type), single(c[1], c[2], c[1], null)), type.sqlName());
            assertEquals(Arrays.asList(false, true, false, null),
                    evaluate(call(Function.LESS_THAN, B, constant(c[1], type), column(0, type)), List.of(type), single(c[1], c[2], c[1], null)), type.sqlName());
        }
    }

    @Test
    void decimalComparisonsAcrossScales()
    {
        DecimalType column = DecimalType.of(15, 2);
        List<Object[]> rows = single(new BigDecimal("1.00"), new BigDecimal("1.01"), new BigDecimal("0.99"), null);
        assertEquals(Arrays.asList(true, false, true, null),
                evaluate(call(Function.LESS_THAN, B, column(0, column), constant(new BigDecimal("1.005"), DecimalType.of(4, 3))), List.of(column), rows));
        assertEquals(Arrays.asList(false, true, false, null),
                evaluate(call(Function.GREATER_THAN_OR_EQUAL, B, column(0, column), constant(new BigDecimal("1.005"), DecimalType.of(4, 3))), List.of(column), rows));
        assertEquals(Arrays.asList(false, false, false, null),
                evaluate(call(Function.EQUAL, B, column(0, column), constant(new BigDecimal("1.005"), DecimalType.of(4, 3))), List.of(column), rows));
        assertEquals(Arrays.asList(true, true, true, null),
                evaluate(call(Function.NOT_EQUAL, B, column(0, column), constant(new BigDecimal("1.005"), DecimalType.of(4, 3))), List.of(column), rows));
        assertEquals(Arrays.asList(true, false, false, null),
                evaluate(call(Function.EQUAL, B, column(0, column), constant(new BigDecimal("1"), DecimalType.of(1, 0))), List.of(column), rows));
        assertEquals(Arrays.asList(true, true, true, null),
                evaluate(call(Function.LESS_THAN, B, column(0, column), constant(new BigDecimal("1e30"), DecimalType.of(38, 0))), List.of(column), rows));
        DecimalType other = DecimalType.of(20, 4);
        assertEquals(Arrays.asList(true, false),
                evaluate(call(Function.EQUAL, B, column(0, column), column(1, other)), List.of(column, other),
                        List.of(new Object[] {new BigDecimal("1.50"), new BigDecimal("1.5000")}, new Object[] {new BigDecimal("1.50"), new BigDecimal("1.5001")})));
    }

    @Test
    void fusedRangesMatchSeparateComparisons()
    {
        DataType t = DataTypes.DATE;
        List<Object[]> rows = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        LocalDate low = LocalDate.of(1994, 1, 1);
        LocalDate high = LocalDate.of(1995, 1, 1);
        for (int i = 0; i < 3000; i++) {
            LocalDate date = i % 97 == 0 ? null : LocalDate.of(1992, 1, 1).plusDays(i);
            rows.add(new Object[] {date});
            expected.add(date == null ? null : !date.isBefore(low) && date.isBefore(high));
        }
        RowExpression range = call(Function.AND, B, call(Function.GREATER_THAN_OR_EQUAL, B, column(0, t), constant(low, t)), call(Function.LESS_THAN, B, column(0, t), constant(high, t)));
        assertEquals(expected, evaluate(range, List.of(t), rows));
        DecimalType d = DecimalType.of(15, 2);
        RowExpression between = call(Function.AND, B, call(Function.GREATER_THAN_OR_EQUAL, B, column(0, d), constant(new BigDecimal("0.05"), DecimalType.of(2, 2))),
                call(Function.LESS_THAN_OR_EQUAL, B, column(0, d), constant(new BigDecimal("0.07"), DecimalType.of(2, 2))));
        assertEquals(Arrays.asList(false, true, true, true, false, null),
                evaluate(between, List.of(d), single(new BigDecimal("0.04"), new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), new BigDecimal("0.08"), null)));
    }

    @Test
    void threeValuedLogic()
    {
        List<Object[]> rows = new ArrayList<>();
        Boolean[] values = {true, false, null};
        for (Boolean a : values) {
            for (Boolean b : values) {
                rows.add(new Object[] {a, b});
            }
        }
        List<DataType> types = List.of(B, B);
        assertEquals(Arrays.asList(true, false, null, false, false, false, null, false, null), evaluate(call(Function.AND, B, column(0, B), column(1, B)), types, rows));
        assertEquals(Arrays.asList(true, true, true, true, false, null, true, null, null), evaluate(call(Function.OR, B, column(0, B), column(1, B)), types, rows));
        assertEquals(Arrays.asList(false, false, false, true, true, true, null, null, null), evaluate(call(Function.NOT, B, column(0, B)), types, rows));
        assertEquals(Arrays.asList(false, false, false, false, false, false, true, true, true), evaluate(call(Function.IS_NULL, B, column(0, B)), types, rows));
        assertEquals(Arrays.asList(true, true, true, true, true, true, false, false, false), evaluate(call(Function.IS_NOT_NULL, B, column(0, B)), types, rows));
        assertEquals(Arrays.asList(false, true, true, true, false, true, true, true, false), evaluate(call(Function.IS_DISTINCT_FROM, B, column(0, B), column(1, B)), types, rows));
        assertEquals(Arrays.asList(true, false, false, false, true, false, false, false, true), evaluate(call(Function.IS_NOT_DISTINCT_FROM, B, column(0, B), column(1, B)), types, rows));
        // constant operands fold: x AND FALSE = FALSE, x OR NULL
        assertEquals(Arrays.asList(false, false, false, false, false, false, false, false, false), evaluate(call(Function.AND, B, column(0, B), constant(false, B)), types, rows));
        assertEquals(Arrays.asList(true, true, true, null, null, null, null, null, null), evaluate(call(Function.OR, B, column(0, B), constant(null, B)), types, rows));
    }

    @Test
    void logicalOperatorsAreLazy()
    {
        DataType i = DataTypes.INTEGER;
        // x <> 0 AND 10 / x > 1 must not divide by zero
        RowExpression guarded = call(Function.AND, B, call(Function.NOT_EQUAL, B, column(0, i), constant(0, i)),
                call(Function.GREATER_THAN, B, call(Function.DIVIDE, i, constant(10, i), column(0, i)), constant(1, i)));
        assertEquals(Arrays.asList(false, true, false, null), evaluate(guarded, List.of(i), single(0, 2, 20, null)));
        RowExpression orGuard = call(Function.OR, B, call(Function.EQUAL, B, column(0, i), constant(0, i)),
                call(Function.GREATER_THAN, B, call(Function.DIVIDE, i, constant(10, i), column(0, i)), constant(1, i)));
        assertEquals(Arrays.asList(true, true, false), evaluate(orGuard, List.of(i), single(0, 2, 20)));
    }

    @Test
    void caseEvaluatesOnlyTakenBranches()
    {
        DataType i = DataTypes.INTEGER;
        RowExpression expression = new CaseExpression(List.of(
                new CaseExpression.WhenClause(call(Function.EQUAL, B, column(0, i), constant(0, i)), constant(-1, i)),
                new CaseExpression.WhenClause(call(Function.GREATER_THAN, B, column(0, i), constant(5, i)), call(Function.DIVIDE, i, constant(100, i), column(0, i)))),
                column(0, i), i);
        assertEquals(Arrays.asList(-1, 10, 3, null), evaluate(expression, List.of(i), single(0, 10, 3, null)));
        RowExpression noElse = new CaseExpression(List.of(new CaseExpression.WhenClause(call(Function.IS_NULL, B, column(0, i)), constant("missing", DataTypes.VARCHAR))),
                constant(null, DataTypes.VARCHAR), DataTypes.VARCHAR);
        assertEquals(Arrays.asList(null, "missing"), evaluate(noElse, List.of(i), single(1, null)));
        // a constant failing branch is kept unfolded and never reached
        RowExpression failing = new CaseExpression(List.of(new CaseExpression.WhenClause(call(Function.LESS_THAN, B, column(0, i), constant(0, i)),
                call(Function.DIVIDE, i, constant(1, i), constant(0, i)))), constant(7, i), i);
        assertEquals(Arrays.asList(7, 7), evaluate(failing, List.of(i), single(1, 2)));
        assertFails(ErrorCode.DIVISION_BY_ZERO, () -> evaluate(failing, List.of(i), single(-1)));
    }

    @Test
    void coalesceAndNullIf()
    {
        DataType i = DataTypes.INTEGER;
        RowExpression coalesce = call(Function.COALESCE, i, column(0, i), column(1, i), constant(0, i));
        assertEquals(Arrays.asList(1, 2, 0), evaluate(coalesce, List.of(i, i), List.of(new Object[] {1, 9}, new Object[] {null, 2}, new Object[] {null, null})));
        // lazily: the division only runs where the first operand is NULL
        RowExpression lazy = call(Function.COALESCE, i, column(0, i), call(Function.DIVIDE, i, constant(1, i), column(1, i)));
        assertEquals(Arrays.asList(5, 1), evaluate(lazy, List.of(i, i), List.of(new Object[] {5, 0}, new Object[] {null, 1})));
        RowExpression strings = call(Function.COALESCE, DataTypes.VARCHAR, column(0, DataTypes.VARCHAR), constant("x", DataTypes.VARCHAR));
        assertEquals(Arrays.asList("a", "x", "ü"), evaluate(strings, List.of(DataTypes.VARCHAR), single("a", null, "ü")));
        RowExpression nullIf = call(Function.NULLIF, i, column(0, i), column(1, i));
        assertEquals(Arrays.asList(null, 1, null, 3), evaluate(nullIf, List.of(i, i), List.of(new Object[] {1, 1}, new Object[] {1, 2}, new Object[] {null, 1}, new Object[] {3, null})));
    }

    @Test
    void inLists()
    {
        DataType i = DataTypes.INTEGER;
        RowExpression in = new InListExpression(column(0, i), List.of(constant(1, i), constant(3, i), constant(5, i)));
        assertEquals(Arrays.asList(true, false, true, null), evaluate(in, List.of(i), single(1, 2, 5, null)));
        RowExpression withNull = new InListExpression(column(0, i), List.of(constant(1, i), constant(null, i)));
        assertEquals(Arrays.asList(true, null, null), evaluate(withNull, List.of(i), single(1, 2, null)));
        RowExpression strings = new InListExpression(column(0, DataTypes.VARCHAR), List.of(constant("MAIL", DataTypes.VARCHAR), constant("SHIP", DataTypes.VARCHAR)));
        assertEquals(Arrays.asList(true, false, true), evaluate(strings, List.of(DataTypes.VARCHAR), single("MAIL", "AIR", "SHIP")));
        RowExpression columns = new InListExpression(column(0, i), List.of(column(1, i), constant(7, i)));
        assertEquals(Arrays.asList(true, true, false, null), evaluate(columns, List.of(i, i),
                List.of(new Object[] {1, 1}, new Object[] {7, 2}, new Object[] {3, 4}, new Object[] {3, null})));
        DecimalType d = DecimalType.of(5, 2);
        RowExpression decimals = new InListExpression(column(0, d), List.of(constant(new BigDecimal("1.50"), d)));
        assertEquals(Arrays.asList(true, false), evaluate(decimals, List.of(d), single(new BigDecimal("1.50"), new BigDecimal("1.51"))));
        DataType db = DataTypes.DOUBLE;
        assertEquals(Arrays.asList(true, false), evaluate(new InListExpression(column(0, db), List.of(constant(0.0, db))), List.of(db), single(-0.0, 1.0)));
    }

    @Test
    void likePatterns()
    {
        DataType v = DataTypes.VARCHAR;
        List<Object[]> rows = single("PROMO BRUSHED", "ECONOMY PROMO", "promo", "xPROMOx", "PROMO", "", null, "ÄPROMOÖ");
        Object[][] cases = {
                {"PROMO%", Arrays.asList(true, false, false, false, true, false, null, false)},
                {"%PROMO", Arrays.asList(false, true, false, false, true, false, null, false)},
                {"%PROMO%", Arrays.asList(true, true, false, true, true, false, null, true)},
                {"PROMO", Arrays.asList(false, false, false, false, true, false, null, false)},
                {"_PROMO_", Arrays.asList(false, false, false, true, false, false, null, true)},
                {"%O%U%", Arrays.asList(true, false, false, false, false, false, null, false)},
                {"%", Arrays.asList(true, true, true, true, true, true, null, true)},
                {"P%O", Arrays.asList(false, false, false, false, true, false, null, false)},
        };
        for (Object[] c : cases) {
            RowExpression like = new LikeExpression(column(0, v), constant(c[0], v), Optional.empty(), false);
            assertEquals(c[1], evaluate(like, List.of(v), rows), (String) c[0]);
        }
        RowExpression ilike = new LikeExpression(column(0, v), constant("promo%", v), Optional.empty(), true);
        assertEquals(Arrays.asList(true, false, true, false, true, false, null, false), evaluate(ilike, List.of(v), rows));
        RowExpression escaped = new LikeExpression(column(0, v), constant("100!%", v), Optional.of(constant("!", v)), false);
        assertEquals(Arrays.asList(true, false), evaluate(escaped, List.of(v), single("100%", "1000")));
        RowExpression columnPattern = new LikeExpression(column(0, v), column(1, v), Optional.empty(), false);
        assertEquals(Arrays.asList(true, false, null), evaluate(columnPattern, List.of(v, v),
                List.of(new Object[] {"abc", "a%"}, new Object[] {"abc", "b%"}, new Object[] {"abc", null})));
        assertFails(ErrorCode.INVALID_ESCAPE_SEQUENCE, () -> evaluate(new LikeExpression(column(0, v), constant("ab!", v), Optional.of(constant("!", v)), false),
                List.of(v), single("x")));
    }
}
