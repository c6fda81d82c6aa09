package dev.basalt.spi.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalTest
{
    private static final long SECOND = 1_000_000L;
    private static final long HOUR = 3600 * SECOND;

    static Stream<Arguments> renderings()
    {
        return Stream.of(
                Arguments.of(new Interval(0, 0, 0), "00:00:00"),
                Arguments.of(Interval.ofDays(1), "1 day"),
                Arguments.of(Interval.ofDays(90), "90 days"),
                Arguments.of(Interval.ofDays(-1), "-1 day"),
                Arguments.of(Interval.ofMonths(1), "1 month"),
                Arguments.of(Interval.ofMonths(3), "3 months"),
                Arguments.of(Interval.ofMonths(12), "1 year"),
                Arguments.of(Interval.ofMonths(24), "2 years"),
                Arguments.of(Interval.ofMonths(14), "1 year 2 months"),
                Arguments.of(Interval.ofMonths(-14), "-1 year -2 months"),
                Arguments.of(Interval.ofMicros(HOUR + 2 * 60 * SECOND + 3 * SECOND), "01:02:03"),
                Arguments.of(Interval.ofMicros(-(HOUR + 2 * 60 * SECOND + 3 * SECOND)), "-01:02:03"),
                Arguments.of(Interval.ofMicros(500_000), "00:00:00.5"),
                Arguments.of(Interval.ofMicros(1), "00:00:00.000001"),
                Arguments.of(Interval.ofMicros(-1), "-00:00:00.000001"),
                Arguments.of(Interval.ofMicros(123_450), "00:00:00.12345"),
                Arguments.of(Interval.ofMicros(100 * HOUR), "100:00:00"),
                Arguments.of(new Interval(14, 3, 4 * HOUR + 5 * 60 * SECOND + 6 * SECOND + 789_000), "1 year 2 months 3 days 04:05:06.789"),
                Arguments.of(new Interval(1, -1, -SECOND), "1 month -1 day -00:00:01"),
                Arguments.of(new Interval(0, 2, HOUR), "2 days 01:00:00"));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void toStringIsPostgresLike(Interval interval, String expected)
    {
        assertEquals(expected, interval.toString());
    }

    @Test
    void negate()
    {
        assertEquals(new Interval(-1, -2, -3), new Interval(1, 2, 3).negate());
        assertEquals(new Interval(1, 2, 3), new Interval(1, 2, 3).negate().negate());
        assertEquals(new Interval(0, 0, 0), new Interval(0, 0, 0).negate());
        assertThrows(ArithmeticException.class, () -> Interval.ofMonths(Integer.MIN_VALUE).negate());
        assertThrows(ArithmeticException.class, () -> Interval.ofDays(Integer.MIN_VALUE).negate());
        assertThrows(ArithmeticException.class, () -> Interval.ofMicros(Long.MIN_VALUE).negate());
    }

    @Test
    void factories()
    {
        assertEquals(new Interval(5, 0, 0), Interval.ofMonths(5));
        assertEquals(new Interval(0, 5, 0), Interval.ofDays(5));
        assertEquals(new Interval(0, 0, 5), Interval.ofMicros(5));
    }

    @Test
    void compareToUsesThirtyDayMonths()
    {
        assertEquals(0, Interval.ofMonths(1).compareTo(Interval.ofDays(30)));
        assertEquals(0, Interval.ofDays(1).compareTo(Interval.ofMicros(Interval.MICROS_PER_DAY)));
        assertTrue(Interval.ofMonths(1).compareTo(Interval.ofDays(31)) < 0);
        assertTrue(Interval.ofMonths(1).compareTo(Interval.ofDays(29)) > 0);
        assertTrue(Interval.ofDays(1).compareTo(Interval.ofMicros(Interval.MICROS_PER_DAY - 1)) > 0);
        assertTrue(Interval.ofDays(-1).compareTo(Interval.ofMicros(0)) < 0);
        assertTrue(new Interval(1, -30, 1).compareTo(Interval.ofMicros(0)) > 0);
        assertTrue(new Interval(0, 1, -Interval.MICROS_PER_DAY - 1).compareTo(Interval.ofMicros(0)) < 0);
        // Equal length is not record equality: 1 month and 30 days are different values.
        assertNotEquals(Interval.ofMonths(1), Interval.ofDays(30));
    }

    @Test
    void compareToIsExactForLongIntervals()
    {
        // ~1000 years: a double cannot tell these apart, SQL ordering must.
        Interval big = new Interval(12_000, 0, 0);
        Interval bigPlusOne = new Interval(12_000, 0, 1);
        assertTrue(big.compareTo(bigPlusOne) < 0);
        assertTrue(bigPlusOne.compareTo(big) > 0);
        assertTrue(new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)
                .compareTo(new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE - 1)) > 0);
        assertTrue(new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE)
                .compareTo(new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE + 1)) < 0);
        assertTrue(new Interval(Integer.MIN_VALUE, 0, 0).compareTo(new Interval(Integer.MAX_VALUE, 0, 0)) < 0);
    }

    @Test
    void compareToSortsConsistently()
    {
        List<Interval> sorted = List.of(
                new Interval(-1, 0, 0),
                Interval.ofDays(-1),
                Interval.ofMicros(-1),
                Interval.ofMicros(0),
                Interval.ofMicros(1),
                Interval.ofMicros(HOUR),
                Interval.ofDays(1),
                new Interval(0, 1, 1),
                Interval.ofDays(31),
                Interval.ofMonths(12));
        List<Interval> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertEquals(sorted, shuffled);
    }
}
