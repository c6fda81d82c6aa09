package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.format.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELTA: sequences (ascending, descending, wrapping, with nulls) round-trip, sequential or not; sorted keys shrink. */
class DeltaEncodingTest
        extends AllocatorProperties
{
    private static final List<DataType> TYPES = List.of(DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.DATE,
            DataTypes.TIMESTAMP, DecimalType.of(15, 2));

    @Provide
    Arbitrary<EncodingRoundTrip.Case> sequences()
    {
        return Arbitraries.of(TYPES).flatMap(type -> Combinators.combine(Arbitraries.longs().between(-20, 20), Arbitraries.longs().between(0, 9),
                Arbitraries.integers().between(1, 3000), Arbitraries.doubles().between(0, 0.2), Arbitraries.longs(),
                Arbitraries.integers().between(1, 1500), Arbitraries.of(0L, Long.MIN_VALUE, Long.MAX_VALUE - 100_000, 1L << 40, -1234567L))
                .as((step, jitter, rows, nullShare, seed, batch, start) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Object> values = new ArrayList<>();
                    long value = start;
                    for (int i = 0; i < rows; i++) {
                        value += step + (jitter == 0 ? 0 : random.nextLong(jitter + 1));
                        values.add(random.nextDouble() < nullShare ? null : canonical(type, value));
                    }
                    return new EncodingRoundTrip.Case(type, values, batch);
                }));
    }

    /** Values wrap into the type's range, so SMALLINT/INTEGER sequences overflow (deltas still decode exactly). */
    private static Object canonical(DataType type, long value)
    {
        return switch (type.sqlName()) {
            case "SMALLINT" -> (short) value;
            case "INTEGER" -> (int) value;
            case "DATE" -> LocalDate.ofEpochDay(Math.floorMod(value, 2_000_000L) - 1_000_000L);
            case "TIMESTAMP" -> Values.microsToTimestamp(Math.floorMod(value, 1L << 60) - (1L << 59));
            case "DECIMAL(15,2)" -> BigDecimal.valueOf(Math.floorMod(value, 1_000_000_000_000_000L) - 500_000_000_000_000L, 2);
            default -> value;
        };
    }

    @Property(tries = 300)
    void roundTrips(@ForAll("sequences") EncodingRoundTrip.Case testCase)
    {
        if (EncodingRoundTrip.roundTrips(allocator, testCase, Encoding.DELTA, "56 bits")) {
            assertEquals(testCase.values(), EncodingRoundTrip.readBackwards(allocator, testCase.type(), testCase.values(), Encoding.DELTA, testCase.batch()));
        }
    }

    @Property(tries = 10)
    void sortedKeysTakeAFewBitsPerRow(@ForAll("keys") List<Long> keys)
    {
        EncodingRoundTrip.Outcome outcome = EncodingRoundTrip.run(allocator, DataTypes.BIGINT, new ArrayList<>(keys), null, false, 4096);
        assertEquals(Encoding.DELTA, outcome.result().encoding());
        assertEquals(keys, outcome.values());
        // Gaps of 0..7 need 3 bits a row.
        assertTrue(outcome.result().length() <= 24 + 17 + (keys.size() * 3 + 7) / 8 + 8, "length " + outcome.result().length());
    }

    /** l_orderkey-like: ascending with repeats and small gaps, starting far from zero. */
    @Provide
    Arbitrary<List<Long>> keys()
    {
        return Combinators.combine(Arbitraries.longs().between(1, 1L << 50), Arbitraries.longs(), Arbitraries.integers().between(5000, 20000))
                .as((start, seed, rows) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Long> values = new ArrayList<>();
                    long value = start;
                    for (int i = 0; i < rows; i++) {
                        value += random.nextInt(8);
                        values.add(value);
                    }
                    return values;
                });
    }
}
