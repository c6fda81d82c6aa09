package dev.basalt.spi.value;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest
{
    private BufferAllocator allocator;

    @BeforeEach
    void setUp()
    {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown()
    {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    private static final BigInteger TEN = BigInteger.TEN;

    /** The largest unscaled value of a precision: 10^p - 1. */
    private static BigDecimal max(int precision, int scale)
    {
        return new BigDecimal(TEN.pow(precision).subtract(BigInteger.ONE), scale);
    }

    static Stream<Arguments> roundTrips()
    {
        return Stream.of(
                Arguments.of(DataTypes.BOOLEAN, List.of(true, false)),
                Arguments.of(DataTypes.SMALLINT, List.of((short) 0, Short.MIN_VALUE, Short.MAX_VALUE, (short) -1)),
                Arguments.of(DataTypes.INTEGER, List.of(0, Integer.MIN_VALUE, Integer.MAX_VALUE, -42)),
                Arguments.of(DataTypes.BIGINT, List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE, -42L)),
                Arguments.of(DataTypes.REAL, List.of(0.0f, -1.5f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY)),
                Arguments.of(DataTypes.DOUBLE, List.of(0.0, -0.0, 0.1, -1e300, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY)),
                Arguments.of(DecimalType.of(15, 2), List.of(new BigDecimal("0.00"), new BigDecimal("-0.01"), new BigDecimal("12345.67"),
                        max(15, 2), max(15, 2).negate())),
                Arguments.of(DecimalType.of(18, 0), List.of(max(18, 0), max(18, 0).negate(), new BigDecimal("-1"))),
                Arguments.of(DecimalType.of(18, 18), List.of(max(18, 18), max(18, 18).negate(), new BigDecimal("0.000000000000000001"))),
                Arguments.of(DecimalType.of(19, 4), List.of(max(19, 4), max(19, 4).negate(), new BigDecimal("-0.0001"))),
                Arguments.of(DecimalType.of(38, 0), List.of(max(38, 0), max(38, 0).negate(), new BigDecimal("0"))),
                Arguments.of(DecimalType.of(38, 10), List.of(max(38, 10), max(38, 10).negate(), new BigDecimal("-123.4567890123"))),
                Arguments.of(DecimalType.of(38, 38), List.of(max(38, 38), max(38, 38).negate(), new BigDecimal("0.00000000000000000000000000000000000001"))),
                Arguments.of(DataTypes.VARCHAR, List.of("", "a", "héllo wörld", "日本語", "emoji \uD83D\uDE00", "x".repeat(10_000))),
                Arguments.of(VarcharType.character(1), List.of("A", "N")),
                Arguments.of(DataTypes.DATE, List.of(LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31), LocalDate.of(1900, 2, 28),
                        LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2000, 2, 29))),
                Arguments.of(DataTypes.TIMESTAMP, List.of(LocalDateTime.of(1970, 1, 1, 0, 0),
                        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
                        LocalDateTime.of(1900, 1, 1, 12, 34, 56, 123_456_000),
                        LocalDateTime.of(1, 1, 1, 0, 0),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000))),
                Arguments.of(DataTypes.INTERVAL, List.of(new Interval(0, 0, 0), new Interval(14, 3, 3_723_000_004L),
                        new Interval(-1, -2, -3), new Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE / 1000),
                        Interval.ofMicros(Long.MIN_VALUE / 1000))));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void writeThenReadRoundTrips(DataType type, List<Object> values)
    {
        // Interleave nulls so null handling is covered between values too.
        List<Object> withNulls = new ArrayList<>();
        withNulls.add(null);
        for (Object value : values) {
            withNulls.add(value);
            withNulls.add(null);
        }
        try (FieldVector vector = (FieldVector) type.toField("v", true).createVector(allocator)) {
            vector.allocateNew();
            for (int i = 0; i < withNulls.size(); i++) {
                Values.write(vector, type, i, withNulls.get(i));
            }
            vector.setValueCount(withNulls.size());
            for (int i = 0; i < withNulls.size(); i++) {
                Object expected = withNulls.get(i);
                Object actual = Values.read(vector, type, i);
                assertEquals(expected, actual, "position " + i);
                if (expected != null) {
                    assertEquals(expected.getClass(), actual.getClass(), "canonical class at " + i);
                }
                else {
                    assertTrue(vector.isNull(i));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void writeGrowsTheVector(DataType type, List<Object> values)
    {
        try (FieldVector vector = (FieldVector) type.toField("v", true).createVector(allocator)) {
            vector.allocateNew();
            int far = 20_000;
            Values.write(vector, type, far, values.getFirst());
            Values.write(vector, type, far + 1, null);
            Values.write(vector, type, 3 * far, values.getLast());
            vector.setValueCount(3 * far + 1);
            assertEquals(values.getFirst(), Values.read(vector, type, far));
            assertNull(Values.read(vector, type, far + 1));
            assertNull(Values.read(vector, type, far - 1));
            assertEquals(values.getLast(), Values.read(vector, type, 3 * far));
        }
    }

    @Test
    void nullTypeIsAlwaysNull()
    {
        try (FieldVector vector = (FieldVector) DataTypes.NULL.toField("v", true).createVector(allocator)) {
            vector.allocateNew();
            Values.write(vector, DataTypes.NULL, 0, null);
            Values.write(vector, DataTypes.NULL, 1, "ignored");
            vector.setValueCount(2);
            assertNull(Values.read(vector, DataTypes.NULL, 0));
            assertNull(Values.read(vector, DataTypes.NULL, 1));
        }
    }

    @Test
    void physicalRepresentation()
    {
        DecimalType shortDecimal = DecimalType.of(15, 2);
        DecimalType longDecimal = DecimalType.of(20, 2);
        try (BigIntVector shortVector = (BigIntVector) shortDecimal.toField("s", true).createVector(allocator);
                DecimalVector longVector = (DecimalVector) longDecimal.toField("l", true).createVector(allocator);
                DateDayVector dates = (DateDayVector) DataTypes.DATE.toField("d", true).createVector(allocator);
                TimeStampMicroVector timestamps = (TimeStampMicroVector) DataTypes.TIMESTAMP.toField("t", true).createVector(allocator);
                IntervalMonthDayNanoVector intervals = (IntervalMonthDayNanoVector) DataTypes.INTERVAL.toField("i", true).createVector(allocator)) {
            Values.write(shortVector, shortDecimal, 0, new BigDecimal("-12.34"));
            assertEquals(-1234L, shortVector.get(0));
            Values.write(longVector, longDecimal, 0, new BigDecimal("-12.34"));
            assertEquals(new BigDecimal("-12.34"), longVector.getObject(0));
            Values.write(dates, DataTypes.DATE, 0, LocalDate.of(1969, 12, 31));
            assertEquals(-1, dates.get(0));
            Values.write(timestamps, DataTypes.TIMESTAMP, 0, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000));
            assertEquals(-1L, timestamps.get(0));
            Values.write(intervals, DataTypes.INTERVAL, 0, new Interval(1, 2, 3));
            assertEquals(java.time.Duration.ofNanos(3_000), intervals.getObject(0).getDuration());
            assertEquals(1, intervals.getObject(0).getPeriod().getMonths());
            assertEquals(2, intervals.getObject(0).getPeriod().getDays());
        }
    }

    @Test
    void writeAcceptsConvenienceObjects()
    {
        assertEquals(7L, roundTrip(DataTypes.BIGINT, 7));
        assertEquals((short) 7, roundTrip(DataTypes.SMALLINT, 7L));
        assertEquals(7, roundTrip(DataTypes.INTEGER, (short) 7));
        assertEquals(2.5, roundTrip(DataTypes.DOUBLE, 2.5f));
        assertEquals(2.0f, roundTrip(DataTypes.REAL, 2));
        assertEquals(new BigDecimal("7.00"), roundTrip(DecimalType.of(5, 2), 7));
        assertEquals(new BigDecimal("7.00"), roundTrip(DecimalType.of(25, 2), 7L));
        assertEquals(new BigDecimal("1.01"), roundTrip(DecimalType.of(5, 2), 1.005));
        assertEquals(new BigDecimal("12.35"), roundTrip(DecimalType.of(25, 2), " 12.345 "));
        assertEquals(new BigDecimal("-3"), roundTrip(DecimalType.of(3, 0), new BigInteger("-3")));
        assertEquals("42", roundTrip(DataTypes.VARCHAR, 42));
        assertEquals(LocalDate.of(1998, 12, 1), roundTrip(DataTypes.DATE, "1998-12-01"));
        assertEquals(LocalDate.of(1998, 12, 1), roundTrip(DataTypes.DATE, LocalDateTime.of(1998, 12, 1, 23, 59)));
        assertEquals(LocalDate.of(1998, 12, 1), roundTrip(DataTypes.DATE, java.sql.Date.valueOf("1998-12-01")));
        assertEquals(LocalDate.of(1970, 1, 11), roundTrip(DataTypes.DATE, 10));
        assertEquals(LocalDateTime.of(1998, 12, 1, 10, 11, 12, 500_000_000), roundTrip(DataTypes.TIMESTAMP, "1998-12-01 10:11:12.5"));
        assertEquals(LocalDateTime.of(1998, 12, 1, 0, 0), roundTrip(DataTypes.TIMESTAMP, LocalDate.of(1998, 12, 1)));
        assertEquals(LocalDateTime.of(1998, 12, 1, 1, 2, 3, 4_000), roundTrip(DataTypes.TIMESTAMP,
                java.sql.Timestamp.valueOf(LocalDateTime.of(1998, 12, 1, 1, 2, 3, 4_000))));
    }

    @Test
    void badTextForDatesIsADatetimeFormatError()
    {
        BasaltException date = assertThrows(BasaltException.class, () -> roundTrip(DataTypes.DATE, "1998-13-01"));
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, date.code());
        BasaltException timestamp = assertThrows(BasaltException.class, () -> roundTrip(DataTypes.TIMESTAMP, "yesterday"));
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, timestamp.code());
    }

    @Test
    void overflowingIntervalIsOutOfRange()
    {
        // Micros are stored as nanos: anything beyond Long.MAX_VALUE / 1000 micros cannot be represented.
        assertThrows(ArithmeticException.class, () -> roundTrip(DataTypes.INTERVAL, Interval.ofMicros(Long.MAX_VALUE / 1000 + 1)));
    }

    @Test
    void randomDecimalsRoundTrip()
    {
        Random random = new Random(42);
        for (int precision = 1; precision <= 38; precision++) {
            for (int scale : new int[] {0, precision / 2, precision}) {
                DecimalType type = DecimalType.of(precision, scale);
                try (FieldVector vector = (FieldVector) type.toField("v", true).createVector(allocator)) {
                    vector.allocateNew();
                    BigDecimal[] expected = new BigDecimal[64];
                    for (int i = 0; i < expected.length; i++) {
                        BigInteger unscaled = new BigInteger(130, random).mod(TEN.pow(precision));
                        expected[i] = new BigDecimal(random.nextBoolean() ? unscaled.negate() : unscaled, scale);
                        Values.write(vector, type, i, expected[i]);
                    }
                    vector.setValueCount(expected.length);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], Values.read(vector, type, i), type + " at " + i);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1.005, 5, 2, 1.01",
            "-1.005, 5, 2, -1.01",
            "2.5, 2, 0, 3",
            "-2.5, 2, 0, -3",
            "0.4999, 1, 0, 0",
            "999.994, 5, 2, 999.99",
            "1, 10, 3, 1.000",
            "1E+3, 4, 0, 1000",
            "0.0000001, 38, 38, 0.00000010000000000000000000000000000000",
            "-0.001, 3, 2, 0.00",
            "0.5, 5, 5, 0.50000"})
    void toDecimalRoundsHalfUpToTheTypeScale(String input, int precision, int scale, String expected)
    {
        BigDecimal result = Values.toDecimal(new BigDecimal(input), DecimalType.of(precision, scale));
        assertEquals(new BigDecimal(expected), result);
        assertEquals(scale, result.scale());
    }

    @ParameterizedTest
    @CsvSource({
            "1000, 5, 2",
            "999.995, 5, 2",
            "-1000, 5, 2",
            "1, 5, 5",
            "-1, 1, 1",
            "10, 1, 0",
            "100000000000000000000000000000000000000, 38, 0",
            "1000000000000000000, 18, 0",
            "10000000000000000000000000000, 38, 10"})
    void toDecimalOverflowIsNumericValueOutOfRange(String input, int precision, int scale)
    {
        DecimalType type = DecimalType.of(precision, scale);
        BasaltException e = assertThrows(BasaltException.class, () -> Values.toDecimal(new BigDecimal(input), type));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
        assertEquals("22003", e.sqlState());
        assertTrue(e.getMessage().contains(type.sqlName()), e.getMessage());
        // write goes through the same check, for both physical layouts
        BasaltException write = assertThrows(BasaltException.class, () -> roundTrip(type, new BigDecimal(input)));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, write.code());
    }

    @Test
    void toDecimalAcceptsEveryNumber()
    {
        DecimalType type = DecimalType.of(10, 2);
        assertEquals(new BigDecimal("0.10"), Values.toDecimal(0.1, type));
        assertEquals(new BigDecimal("0.10"), Values.toDecimal(0.1f, type));
        assertEquals(new BigDecimal("-5.00"), Values.toDecimal((byte) -5, type));
        assertEquals(new BigDecimal("5.00"), Values.toDecimal(BigInteger.valueOf(5), type));
        assertEquals(new BigDecimal("5.00"), Values.toDecimal("5", type));
        assertEquals(2, Values.toDecimal(Long.MAX_VALUE, DecimalType.of(38, 2)).scale());
    }

    @Test
    void toDecimalRejectsNonNumbersCleanly()
    {
        DecimalType type = DecimalType.of(10, 2);
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION,
                assertThrows(BasaltException.class, () -> Values.toDecimal("1.2.3", type)).code());
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION,
                assertThrows(BasaltException.class, () -> Values.toDecimal("", type)).code());
        for (Object special : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
            assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    assertThrows(BasaltException.class, () -> Values.toDecimal(special, type)).code(), special.toString());
        }
    }

    @Test
    void timestampMicrosConversions()
    {
        assertEquals(0L, Values.timestampToMicros(LocalDateTime.of(1970, 1, 1, 0, 0)));
        assertEquals(-1L, Values.timestampToMicros(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
        assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), Values.microsToTimestamp(-1));
        assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59), Values.microsToTimestamp(-1_000_000));
        long[] samples = {0, 1, -1, 999_999, -999_999, 1_000_000, -1_000_001, 86_400_000_000L * 365 * 30 + 123_456, -86_400_000_000L * 365 * 70 - 654_321};
        for (long micros : samples) {
            assertEquals(micros, Values.timestampToMicros(Values.microsToTimestamp(micros)), Long.toString(micros));
        }
    }

    @Test
    void readReturnsNullForNullPositions()
    {
        try (FieldVector vector = (FieldVector) DataTypes.INTEGER.toField("v", true).createVector(allocator)) {
            vector.allocateNew();
            Values.write(vector, DataTypes.INTEGER, 0, 5);
            Values.setNull(vector, 1);
            Values.write(vector, DataTypes.INTEGER, 2, 6);
            vector.setValueCount(3);
            assertEquals(Arrays.asList(5, null, 6), List.of(0, 1, 2).stream().map(i -> Values.read(vector, DataTypes.INTEGER, i)).toList());
            assertInstanceOf(Integer.class, Values.read(vector, DataTypes.INTEGER, 0));
        }
    }

    /** Writes one value into a fresh vector and reads it back. */
    private Object roundTrip(DataType type, Object value)
    {
        try (FieldVector vector = (FieldVector) type.toField("v", true).createVector(allocator)) {
            vector.allocateNew();
            Values.write(vector, type, 0, value);
            vector.setValueCount(1);
            return Values.read(vector, type, 0);
        }
    }
}
