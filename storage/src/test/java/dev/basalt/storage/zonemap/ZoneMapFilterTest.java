package dev.basalt.storage.zonemap;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZoneMapFilterTest
{
    private static ColumnPredicate.Range between(Object low, Object high)
    {
        return new ColumnPredicate.Range(0, low, true, high, true);
    }

    private static boolean matches(DataType type, ZoneMap zone, ColumnPredicate predicate)
    {
        return ZoneMapFilter.mightMatch(zone, type, predicate);
    }

    @Test
    void integersCompareNumerically()
    {
        ZoneMap zone = new ZoneMap(10, 0, 10, 20);
        assertTrue(matches(DataTypes.INTEGER, zone, between(20, 30)));
        assertFalse(matches(DataTypes.INTEGER, zone, new ColumnPredicate.Range(0, 20, false, null, false)));
        assertFalse(matches(DataTypes.INTEGER, zone, between(21, null)));
        assertFalse(matches(DataTypes.INTEGER, zone, between(null, 9)));
        assertFalse(matches(DataTypes.INTEGER, zone, new ColumnPredicate.Range(0, null, false, 10, false)));
        assertTrue(matches(DataTypes.INTEGER, zone, between(null, 10)));
        // Other numeric classes are compared by value.
        assertTrue(matches(DataTypes.INTEGER, zone, between(19.5, null)));
        assertFalse(matches(DataTypes.INTEGER, zone, between(20.5, null)));
        assertFalse(matches(DataTypes.INTEGER, zone, between(new BigDecimal("20.01"), null)));
        assertTrue(matches(DataTypes.INTEGER, zone, between(15L, 15L)));
        // Not comparable: never prune.
        assertTrue(matches(DataTypes.INTEGER, zone, between("abc", "abd")));
    }

    @Test
    void bigintNearDoublePrecisionIsNotPruned()
    {
        long big = (1L << 53) + 1;
        ZoneMap zone = new ZoneMap(1, 0, big, big);
        // As doubles both are 2^53; exactly, big > 2^53. The engine's conversion decides, so keep the group.
        assertTrue(matches(DataTypes.BIGINT, zone, new ColumnPredicate.Range(0, null, false, (double) (1L << 53), false)));
        assertTrue(matches(DataTypes.BIGINT, zone, new ColumnPredicate.Range(0, (double) (1L << 53), false, null, false)));
    }

    @Test
    void doublesTreatNegativeZeroAsZeroAndNaNAsLargest()
    {
        ZoneMap negativeZero = new ZoneMap(1, 0, -0.0, -0.0);
        assertTrue(matches(DataTypes.DOUBLE, negativeZero, between(0.0, 0.0)));
        ZoneMap withNaN = new ZoneMap(3, 0, 1.0, Double.NaN);
        assertTrue(matches(DataTypes.DOUBLE, withNaN, between(1e300, null)));
        ZoneMap allNaN = new ZoneMap(3, 0, Double.NaN, Double.NaN);
        assertFalse(matches(DataTypes.DOUBLE, allNaN, between(null, 5.0)));
        ZoneMap real = new ZoneMap(1, 0, 0.1f, 0.1f);
        // 0.1f != 0.1 exactly, but an engine casting the literal to REAL finds it equal.
        assertTrue(matches(DataTypes.REAL, real, between(0.1, 0.1)));
        assertFalse(matches(DataTypes.REAL, real, between(0.2, 0.3)));
    }

    @Test
    void decimalsCompareByValue()
    {
        DataType type = DecimalType.of(15, 2);
        ZoneMap zone = new ZoneMap(5, 0, new BigDecimal("0.05"), new BigDecimal("0.07"));
        assertTrue(matches(type, zone, between(new BigDecimal("0.06"), new BigDecimal("0.06"))));
        assertTrue(matches(type, zone, between(new BigDecimal("0.0700"), null)));
        assertFalse(matches(type, zone, between(new BigDecimal("0.071"), null)));
        assertTrue(matches(type, zone, between(0.05, 0.05)));
        assertFalse(matches(type, zone, between(1, null)));
    }

    @Test
    void stringsCompareByCodePoint()
    {
        ZoneMap zone = new ZoneMap(5, 0, "apple", "banana");
        assertTrue(matches(DataTypes.VARCHAR, zone, between("b", "c")));
        assertFalse(matches(DataTypes.VARCHAR, zone, between("banana\u0000", null)));
        assertFalse(matches(DataTypes.VARCHAR, zone, between("Z", "a")));
        // U+FF5E sorts below U+1F600 by code point even though its UTF-16 unit is larger.
        ZoneMap emoji = new ZoneMap(1, 0, "\uD83D\uDE00", "\uD83D\uDE00");
        assertFalse(matches(DataTypes.VARCHAR, emoji, between(null, "\uFF5E")));
        assertTrue(matches(DataTypes.VARCHAR, emoji, between("\uFF5E", null)));
    }

    @Test
    void longStringBoundsAreShortenedSafely()
    {
        String longValue = "x".repeat(100) + "y";
        byte[] bytes = longValue.getBytes(StandardCharsets.UTF_8);
        String lower = ZoneMapBuilder.lowerBound(bytes, 0, bytes.length);
        String upper = ZoneMapBuilder.upperBound(bytes, 0, bytes.length);
        assertEquals(ZoneMapBuilder.MAX_STRING_BYTES, lower.length());
        assertTrue(ValueOrder.compareCodePoints(lower, longValue) <= 0);
        assertTrue(ValueOrder.compareCodePoints(upper, longValue) > 0);
        assertTrue(upper.length() <= ZoneMapBuilder.MAX_STRING_BYTES);
        String maxCodePoints = new String(Character.toChars(Character.MAX_CODE_POINT)).repeat(30);
        byte[] maxBytes = maxCodePoints.getBytes(StandardCharsets.UTF_8);
        assertNull(ZoneMapBuilder.upperBound(maxBytes, 0, maxBytes.length));
    }

    @Test
    void nullPredicatesUseNullCounts()
    {
        ZoneMap noNulls = new ZoneMap(10, 0, 1, 2);
        ZoneMap allNull = new ZoneMap(10, 10, null, null);
        ZoneMap someNulls = new ZoneMap(10, 3, 1, 2);
        assertFalse(matches(DataTypes.INTEGER, noNulls, new ColumnPredicate.IsNull(0)));
        assertTrue(matches(DataTypes.INTEGER, someNulls, new ColumnPredicate.IsNull(0)));
        assertFalse(matches(DataTypes.INTEGER, allNull, new ColumnPredicate.IsNotNull(0)));
        assertTrue(matches(DataTypes.INTEGER, someNulls, new ColumnPredicate.IsNotNull(0)));
        // NULL never satisfies a comparison, even an unbounded one.
        assertFalse(matches(DataTypes.INTEGER, allNull, between(null, null)));
    }

    @Test
    void datesAndTimestamps()
    {
        ZoneMap dates = new ZoneMap(5, 0, LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31));
        assertFalse(matches(DataTypes.DATE, dates, between(LocalDate.of(1996, 1, 1), null)));
        assertTrue(matches(DataTypes.DATE, dates, between(LocalDate.of(1995, 12, 31), null)));
        assertFalse(matches(DataTypes.DATE, dates, between(LocalDateTime.of(1995, 12, 31, 0, 0, 1), null)));
        ZoneMap timestamps = new ZoneMap(5, 0, LocalDateTime.of(2020, 1, 1, 10, 0), LocalDateTime.of(2020, 1, 1, 12, 0));
        assertFalse(matches(DataTypes.TIMESTAMP, timestamps, between(LocalDate.of(2020, 1, 2), null)));
        assertTrue(matches(DataTypes.TIMESTAMP, timestamps, between(LocalDateTime.of(2020, 1, 1, 11, 0), null)));
    }

    @Test
    void mergeKeepsWidestBounds()
    {
        ZoneMap left = new ZoneMap(3, 1, 5, 9);
        ZoneMap right = new ZoneMap(2, 0, 1, 7);
        ZoneMap allNull = new ZoneMap(4, 4, null, null);
        ZoneMap merged = left.merge(DataTypes.INTEGER, right).merge(DataTypes.INTEGER, allNull);
        assertEquals(new ZoneMap(9, 5, 1, 9), merged);
        ZoneMap unknown = new ZoneMap(1, 0, null, "z");
        assertEquals(new ZoneMap(3, 0, null, "z"), unknown.merge(DataTypes.VARCHAR, new ZoneMap(2, 0, "a", "b")));
    }

    @Test
    void inListsPruneWhenNoValueCanBeInside()
    {
        ZoneMap zone = new ZoneMap(10, 0, 10, 20);
        assertTrue(matches(DataTypes.INTEGER, zone, new ColumnPredicate.In(0, java.util.List.of(1, 15))));
        assertTrue(matches(DataTypes.INTEGER, zone, new ColumnPredicate.In(0, java.util.List.of(20))));
        assertFalse(matches(DataTypes.INTEGER, zone, new ColumnPredicate.In(0, java.util.List.of(1, 9, 21))));
        assertFalse(matches(DataTypes.INTEGER, zone, new ColumnPredicate.In(0, java.util.List.of())));
        // A value of an unrelated class proves nothing.
        assertTrue(matches(DataTypes.INTEGER, zone, new ColumnPredicate.In(0, java.util.List.of("x"))));
        assertFalse(matches(DataTypes.INTEGER, new ZoneMap(3, 3, null, null), new ColumnPredicate.In(0, java.util.List.of(15))));
    }

    @Test
    void prefixesPruneOutsideTheirRange()
    {
        ZoneMap zone = new ZoneMap(5, 0, "MAIL", "RAIL");
        assertTrue(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "")));
        assertTrue(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "M")));
        assertTrue(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "MA")));
        assertTrue(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "MAILBOX")));
        assertTrue(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "R")));
        assertTrue(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "P")));
        assertFalse(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "A")));
        assertFalse(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "MAB")));
        assertFalse(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "RAILS")));
        assertFalse(matches(DataTypes.VARCHAR, zone, new ColumnPredicate.StartsWith(0, "S")));
        // Supplementary code points sort after U+FFFF although their UTF-16 surrogates are below it.
        ZoneMap high = new ZoneMap(2, 0, "\uFF5E", "\uFF5E\uFF5E");
        assertFalse(matches(DataTypes.VARCHAR, high, new ColumnPredicate.StartsWith(0, "\uD83D\uDE00")));
        assertTrue(matches(DataTypes.VARCHAR, high, new ColumnPredicate.StartsWith(0, "\uFF5E")));
        assertFalse(matches(DataTypes.VARCHAR, new ZoneMap(2, 2, null, null), new ColumnPredicate.StartsWith(0, "")));
        // Unknown bounds keep the group.
        assertTrue(matches(DataTypes.VARCHAR, new ZoneMap(2, 0, null, null), new ColumnPredicate.StartsWith(0, "Z")));
    }
}
