package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.format.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ALP: decimal-looking doubles and floats round-trip bit for bit, with exceptions (NaN, infinities, -0.0, values
 * with many digits) patched in, and such columns shrink to a few bits per value.
 */
class AlpEncodingTest
        extends AllocatorProperties
{
    @Provide
    Arbitrary<EncodingRoundTrip.Case> decimals()
    {
        return Combinators.combine(Arbitraries.of(DataTypes.DOUBLE, DataTypes.REAL), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 2000), Arbitraries.doubles().between(0, 0.3), Arbitraries.longs(),
                Arbitraries.integers().between(1, 900), Arbitraries.of(0.0, 0.01, 0.2))
                .as((type, digits, rows, nullShare, seed, batch, exceptionShare) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        double value = BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000), digits).doubleValue();
                        if (random.nextDouble() < exceptionShare) {
                            value = List.of(Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI, 1e300, Double.MIN_VALUE)
                                    .get(random.nextInt(7));
                        }
                        Object boxed = type == DataTypes.REAL ? (Object) (float) value : (Object) value;
                        values.add(random.nextDouble() < nullShare ? null : boxed);
                    }
                    return new EncodingRoundTrip.Case(type, values, batch);
                });
    }

    @Property(tries = 300)
    void roundTripsBitForBit(@ForAll("decimals") EncodingRoundTrip.Case testCase)
    {
        // ALP is refused only when not a single value round-trips (all exceptions). The comparison is bit for bit:
        // Double.equals / Float.equals treat NaN == NaN and -0.0 != 0.0.
        EncodingRoundTrip.roundTrips(allocator, testCase, Encoding.ALP, "ALP");
    }

    @Property(tries = 10)
    void pricesShrink(@ForAll("prices") List<Double> prices)
    {
        EncodingRoundTrip.Outcome outcome = EncodingRoundTrip.run(allocator, DataTypes.DOUBLE, new ArrayList<>(prices), null, false, 4096);
        assertEquals(Encoding.ALP, outcome.result().encoding());
        assertEquals(prices, outcome.values());
        // Cents up to 10^7 take 24 bits instead of 64.
        assertTrue(outcome.result().length() < prices.size() * 4L, "length " + outcome.result().length());
    }

    @Provide
    Arbitrary<List<Double>> prices()
    {
        return Arbitraries.longs().between(90_000, 10_500_000).map(cents -> cents / 100.0).list().ofMinSize(3000).ofMaxSize(6000);
    }
}
