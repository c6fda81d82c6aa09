package dev.basalt.storage.codec;

import dev.basalt.storage.format.ByteSink;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BitPackingTest
{
    @Property(tries = 300)
    void packsAndUnpacksAnyWidth(@ForAll @IntRange(min = 0, max = 56) int bits, @ForAll @Size(max = 200) List<Long> randoms,
            @ForAll long base, @ForAll @IntRange(min = 0, max = 199) int start)
    {
        long mask = bits == 0 ? 0 : (1L << bits) - 1;
        long[] values = new long[randoms.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = base + (randoms.get(i) & mask);
        }
        ByteSink sink = new ByteSink(8);
        sink.writeByte(0x5A); // packed sections need not be aligned
        BitPacking.pack(values, values.length, base, bits, sink);
        assertEquals(1 + BitPacking.packedSize(values.length, bits), sink.position());
        int from = Math.min(start, values.length);
        long[] decoded = new long[values.length - from];
        BitPacking.unpack(sink.array(), 1, bits, from, decoded.length, base, decoded);
        assertArrayEquals(java.util.Arrays.copyOfRange(values, from, values.length), decoded);
    }
}
