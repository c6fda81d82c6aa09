package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.format.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RLE: runs (with nulls inside and between them) round-trip for every kind it applies to, read in any order. */
class RleEncodingTest
        extends AllocatorProperties
{
    private static final List<DataType> TYPES = List.of(DataTypes.BOOLEAN, DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT,
            DataTypes.REAL, DataTypes.DOUBLE, DecimalType.of(15, 2), DataTypes.VARCHAR, DataTypes.DATE, DataTypes.TIMESTAMP);

    @Provide
    Arbitrary<EncodingRoundTrip.Case> runs()
    {
        return Arbitraries.of(TYPES).flatMap(type -> Combinators.combine(
                Combinators.combine(TestValues.values(type).injectNull(0.1), Arbitraries.integers().between(1, 90))
                        .as((value, length) -> java.util.Collections.nCopies(length, value)).list().ofMinSize(1).ofMaxSize(30),
                Arbitraries.doubles().between(0, 0.3), Arbitraries.longs(), Arbitraries.integers().between(1, 200))
                .as((runs, nullShare, seed, batch) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Object> values = new ArrayList<>();
                    for (List<Object> run : runs) {
                        for (Object value : run) {
                            values.add(random.nextDouble() < nullShare ? null : value);
                        }
                    }
                    return new EncodingRoundTrip.Case(type, values, batch);
                }));
    }

    @Property(tries = 300)
    void roundTrips(@ForAll("runs") EncodingRoundTrip.Case testCase)
    {
        // Run values spanning more than 56 bits (e.g. Long.MIN_VALUE and Long.MAX_VALUE) cannot be packed.
        if (EncodingRoundTrip.roundTrips(allocator, testCase, Encoding.RLE, "56 bits")) {
            assertEquals(testCase.values(), EncodingRoundTrip.readBackwards(allocator, testCase.type(), testCase.values(), Encoding.RLE, testCase.batch()));
        }
    }

    @Property(tries = 30)
    void longRunsChooseRle(@ForAll("longRuns") List<String> values)
    {
        EncodingRoundTrip.Outcome outcome = EncodingRoundTrip.run(allocator, DataTypes.VARCHAR, new ArrayList<>(values), null, false, 4096);
        assertEquals(Encoding.RLE, outcome.result().encoding());
        assertEquals(values, outcome.values());
    }

    /** Sorted strings from a large domain: runs are few, distinct values too many for a cheap dictionary. */
    @Provide
    Arbitrary<List<String>> longRuns()
    {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(20).ofMaxLength(30), Arbitraries.integers().between(40, 80))
                .as((value, length) -> java.util.Collections.nCopies(length, value)).list().ofMinSize(20).ofMaxSize(40)
                .map(runs -> {
                    List<String> values = new ArrayList<>();
                    runs.forEach(values::addAll);
                    return values;
                });
    }

    @Property(tries = 20)
    void sortedLongsWithRepeatsChooseRle(@ForAll("repeatedKeys") List<Long> keys)
    {
        List<Object> values = new ArrayList<>(keys);
        EncodingRoundTrip.Outcome outcome = EncodingRoundTrip.run(allocator, DataTypes.BIGINT, values, null, false, 1000);
        assertEquals(values, outcome.values());
        assertTrue(outcome.result().encoding() == Encoding.RLE || outcome.result().encoding() == Encoding.DELTA, outcome.result().encoding().toString());
    }

    @Provide
    Arbitrary<List<Long>> repeatedKeys()
    {
        return Arbitraries.longs().between(0, 1L << 40).list().ofMinSize(50).ofMaxSize(100).map(keys -> {
            List<Long> sorted = new ArrayList<>(keys);
            java.util.Collections.sort(sorted);
            List<Long> values = new ArrayList<>();
            for (Long key : sorted) {
                values.addAll(java.util.Collections.nCopies(100, key));
            }
            return values;
        });
    }
}
