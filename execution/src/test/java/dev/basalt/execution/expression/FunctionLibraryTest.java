package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.basalt.execution.testing.ExpressionTester.assertFails;
import static dev.basalt.execution.testing.ExpressionTester.call;
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.constant;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static dev.basalt.execution.testing.ExpressionTester.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function library's evaluators over columns with NULLs and selection vectors (ExpressionTester checks both). */
class FunctionLibraryTest
{
    private static final DataType V = DataTypes.VARCHAR;
    private static final DataType B = DataTypes.BIGINT;
    private static final DataType D = DataTypes.DOUBLE;
    private static final DataType TS = DataTypes.TIMESTAMP;

    @Test
    void dateTimes()
    {
        List<Object[]> rows = single(LocalDateTime.of(2024, 2, 9, 13, 5, 6, 123_456_000), null, LocalDateTime.of(1969, 12, 31, 23, 59, 59));
        assertEquals(Arrays.asList("2024-02-09 01:05:06.123456 PM Fri", null, "1969-12-31 11:59:59.000000 PM Wed"),
                evaluate(call(Function.STRFTIME, V, column(0, TS), constant("%Y-%m-%d %I:%M:%S.%f %p %a", V)), List.of(TS), rows));
        assertEquals(Arrays.asList(LocalDate.of(2024, 2, 29), null, LocalDate.of(1969, 12, 31)),
                evaluate(call(Function.LAST_DAY, DataTypes.DATE, column(0, TS)), List.of(TS), rows));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 5),
                evaluate(call(Function.STRPTIME, TS, constant("29/02/2024 01:05 pm", V), constant("%d/%m/%Y %I:%M %p", V))));
        assertFails(ErrorCode.INVALID_DATETIME_FORMAT, () -> evaluate(call(Function.STRPTIME, TS, column(0, V), constant("%Y-%m-%d", V)), List.of(V), "2023-02-29"));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> evaluate(call(Function.STRFTIME, V, column(0, TS), constant("%Q", V)), List.of(TS), rows));
        assertEquals(new Interval(13, 16, 12 * 3_600_000_000L), evaluate(call(Function.AGE, DataTypes.INTERVAL,
                constant(LocalDateTime.of(2024, 3, 1, 0, 0), TS), column(0, TS)), List.of(TS), LocalDateTime.of(2023, 1, 15, 12, 0)));
        assertEquals(Arrays.asList(1L, 0L), List.of(
                evaluate(call(Function.DATE_SUB_UNITS, B, constant("month", V), constant(LocalDate.of(2024, 1, 31), DataTypes.DATE), column(0, DataTypes.DATE)),
                        List.of(DataTypes.DATE), LocalDate.of(2024, 2, 29)),
                evaluate(call(Function.DATE_SUB_UNITS, B, constant("month", V), constant(LocalDate.of(2024, 1, 31), DataTypes.DATE), column(0, DataTypes.DATE)),
                        List.of(DataTypes.DATE), LocalDate.of(2024, 2, 28))));
        assertFails(ErrorCode.DATETIME_FIELD_OVERFLOW, () -> evaluate(call(Function.MAKE_DATE, DataTypes.DATE, column(0, B), constant(2L, B), constant(30L, B)), List.of(B), 2024L));
    }

    @Test
    void strings()
    {
        List<Object[]> rows = single("ñandú", "", null, "kitten");
        assertEquals(Arrays.asList(241, -1, null, 107), evaluate(call(Function.UNICODE, DataTypes.INTEGER, column(0, V)), List.of(V), rows));
        assertEquals(Arrays.asList(true, false, null, false), evaluate(call(Function.CONTAINS, DataTypes.BOOLEAN, column(0, V), constant("dú", V)), List.of(V), rows));
        assertEquals(Arrays.asList("Ñandú", "", null, "kittEn"), evaluate(call(Function.TRANSLATE, V, column(0, V), constant("ñe", V), constant("ÑE", V)), List.of(V), rows));
        assertEquals(Arrays.asList("x-ñandú", "x-", "x", "x-kitten"),
                evaluate(call(Function.CONCAT_WS, V, constant("-", V), constant("x", V), column(0, V)), List.of(V), rows));
        assertEquals(Arrays.asList("nd", "", null, "tt"), evaluate(call(Function.REGEXP_EXTRACT, V, column(0, V), constant("(n|t)(d|t)", V)), List.of(V), rows));
        assertFails(ErrorCode.INVALID_REGULAR_EXPRESSION, () -> evaluate(call(Function.REGEXP_EXTRACT, V, column(0, V), constant("(", V)), List.of(V), rows));
        assertEquals(3L, evaluate(call(Function.LEVENSHTEIN, B, constant("kitten", V), constant("sitting", V))));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> evaluate(call(Function.CHR, V, column(0, B)), List.of(B), 0xD800L));
    }

    @Test
    void math()
    {
        List<Object[]> rows = single(12L, null, -4L, 0L);
        assertEquals(Arrays.asList(6L, null, 2L, 18L), evaluate(call(Function.GCD, B, column(0, B), constant(18L, B)), List.of(B), rows));
        assertEquals(Arrays.asList(2, null, 62, 0), evaluate(call(Function.BIT_COUNT, DataTypes.SMALLINT, column(0, B)), List.of(B), rows).stream()
                .map(value -> value == null ? null : ((Number) value).intValue()).toList());
        assertEquals(new BigDecimal("15511210043330985984000000"), evaluate(call(Function.FACTORIAL, DecimalType.of(38, 0), column(0, B)), List.of(B), 25L));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> evaluate(call(Function.LCM, B, column(0, B), constant(2L, B)), List.of(B), Long.MAX_VALUE));
        assertFails(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, () -> evaluate(call(Function.LOG2, D, column(0, D)), List.of(D), 0.0));
        assertEquals(Arrays.asList(-2.0, 4.0), List.of(evaluate(call(Function.EVEN, D, column(0, D)), List.of(D), -0.5),
                evaluate(call(Function.EVEN, D, column(0, D)), List.of(D), 2.5)));
        assertEquals(-120L, evaluate(call(Function.TRUNC, B, column(0, B), constant(-1L, B)), List.of(B), -123L));
    }

    @Test
    void randomValuesDifferPerRowAndAreNotFolded()
    {
        try (RootAllocator allocator = new RootAllocator()) {
            ExpressionCompiler compiler = new ExpressionCompiler(allocator);
            try (Evaluator random = compiler.compile(call(Function.RANDOM, D)); Evaluator uuid = compiler.compile(call(Function.UUID, V))) {
                assertFalse(random instanceof ConstantEvaluator);
                assertFalse(uuid instanceof ConstantEvaluator);
                ColumnBatch batch = ColumnBatch.of(List.of(), 6);
                Set<Object> values = new HashSet<>();
                Set<Object> uuids = new HashSet<>();
                FieldVector randoms = random.evaluate(batch, null, 6);
                for (int i = 0; i < 6; i++) {
                    double value = (Double) Values.read(randoms, D, i);
                    assertTrue(value >= 0 && value < 1, "random() = " + value);
                    values.add(value);
                }
                FieldVector ids = uuid.evaluate(batch, null, 6);
                for (int i = 0; i < 6; i++) {
                    String value = (String) Values.read(ids, V, i);
                    assertTrue(value.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), value);
                    uuids.add(value);
                }
                assertEquals(6, values.size());
                assertEquals(6, uuids.size());
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
