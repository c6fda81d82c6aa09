package dev.basalt.sqllogictest;

import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.basalt.sqllogictest.ValueFormatter.format;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueFormatterTest
{
    @Test
    void integerColumnsTruncateTowardZero()
    {
        assertEquals("42", format(42, 'I'));
        assertEquals("-9223372036854775808", format(Long.MIN_VALUE, 'I'));
        assertEquals("2", format(new BigDecimal("2.99"), 'I'));
        assertEquals("-2", format(new BigDecimal("-2.99"), 'I'));
        assertEquals("-3", format(-3.7, 'I'));
        assertEquals("1", format(true, 'I'));
        assertEquals("12", format("12", 'I'));
        assertEquals("NULL", format(null, 'I'));
    }

    @Test
    void realColumnsPrintThreeDecimalsLikePrintf()
    {
        assertEquals("1.500", format(1.5, 'R'));
        assertEquals("7.000", format(7, 'R'));
        assertEquals("0.333", format(1.0 / 3, 'R'));
        // 1.0005 is 1.000499999... in binary: printf rounds the exact value down (Java %.3f would say 1.001).
        assertEquals("1.000", format(1.0005, 'R'));
        assertEquals("0.001", format(0.0005, 'R'));
        assertEquals("-0.000", format(-0.0001, 'R'));
        assertEquals("2.001", format(new BigDecimal("2.0005"), 'R'));
        assertEquals("NULL", format(null, 'R'));
    }

    @Test
    void textColumns()
    {
        assertEquals("(empty)", format("", 'T'));
        assertEquals("a@b", format("a\nb", 'T'));
        assertEquals("héllo", format("héllo", 'T'));
        assertEquals("true", format(true, 'T'));
        assertEquals("1.50", format(new BigDecimal("1.50"), 'T'));
        assertEquals("2024-02-29", format(LocalDate.of(2024, 2, 29), 'T'));
        assertEquals("2024-02-29 10:00:00", format(LocalDateTime.of(2024, 2, 29, 10, 0), 'T'));
        assertEquals("2024-02-29 10:00:00.25", format(LocalDateTime.of(2024, 2, 29, 10, 0, 0, 250_000_000), 'T'));
        assertEquals("1 year 2 months 3 days", format(new Interval(14, 3, 0), 'T'));
        assertEquals("NULL", format(null, 'T'));
    }
}
