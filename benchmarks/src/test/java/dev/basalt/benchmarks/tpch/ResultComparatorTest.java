package dev.basalt.benchmarks.tpch;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultComparatorTest
{
    private final ResultComparator comparator = new ResultComparator(1e-6);

    @Test
    void numbersCompareByValueWithinTolerance()
    {
        assertTrue(comparator.valuesEqual(new BigDecimal("377518399.00"), 377518399L));
        assertTrue(comparator.valuesEqual(new BigDecimal("0.0500"), 0.05));
        assertTrue(comparator.valuesEqual(25.575154611454693, new BigDecimal("25.5751546114547")));
        assertTrue(comparator.valuesEqual(BigInteger.valueOf(7), 7));
        assertFalse(comparator.valuesEqual(1.0, 1.00001));
        assertFalse(comparator.valuesEqual(0.0, 1e-3));
    }

    @Test
    void otherValues()
    {
        assertTrue(comparator.valuesEqual(LocalDate.of(1995, 3, 15), java.sql.Date.valueOf("1995-03-15")));
        assertTrue(comparator.valuesEqual("R", "R"));
        assertFalse(comparator.valuesEqual("R ", "R"));
        assertTrue(comparator.valuesEqual(null, null));
        assertFalse(comparator.valuesEqual(null, 0));
    }

    @Test
    void rowsOrderedAndUnordered()
    {
        List<List<Object>> a = List.of(List.of("x", 1), List.of("y", 2));
        List<List<Object>> b = List.of(List.of("y", new BigDecimal("2.0")), List.of("x", 1L));
        assertNull(comparator.compare(a, b, false));
        ResultComparator.Difference ordered = comparator.compare(a, b, true);
        assertEquals(ResultComparator.Difference.Kind.ORDER_ONLY, ordered.kind());
        assertEquals(ResultComparator.Difference.Kind.ROW_COUNT, comparator.compare(a, List.of(List.of("x", 1)), true).kind());
        List<List<Object>> c = List.of(List.of("x", 1), Arrays.asList("y", null));
        ResultComparator.Difference values = comparator.compare(a, c, true);
        assertEquals(ResultComparator.Difference.Kind.VALUES, values.kind());
        assertTrue(values.message().startsWith("row 2 column 2"), values.message());
    }

    @Test
    void geometricMean()
    {
        assertEquals(4.0, Timings.geometricMean(List.of(2.0, 8.0)), 1e-12);
        Timings timings = new Timings();
        timings.add(3_000_000);
        timings.add(1_000_000);
        timings.add(2_000_000);
        assertEquals(2.0, timings.median(), 1e-12);
        assertEquals(1.0, timings.min(), 1e-12);
    }
}
