package dev.basalt.spi.value;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlobsTest
{
    @Test
    void textFormIsDuckDbs()
    {
        byte[] bytes = {0, 'A', '\\', '\'', '"', ' ', '~', 0x7F, (byte) 0x80, (byte) 0xFF, '\n'};
        assertEquals("\\x00A\\x5C\\x27\\x22 ~\\x7F\\x80\\xFF\\x0A", Blobs.toText(bytes));
        assertArrayEquals(bytes, Blobs.fromText(Blobs.toText(bytes)));
        assertArrayEquals(new byte[] {'a', 0, 'b'}, Blobs.fromText("a\\x00b"));
        assertArrayEquals(new byte[] {(byte) 0xAB}, Blobs.fromText("\\xab"));
        assertArrayEquals(new byte[0], Blobs.fromText(""));
    }

    @Test
    void textRoundTripsEveryByteString()
    {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(20)];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, Blobs.fromText(Blobs.toText(bytes)));
            assertArrayEquals(bytes, Blobs.fromHex(Blobs.toHex(bytes), "test"));
        }
    }

    @Test
    void badTextIs22P02()
    {
        for (String text : new String[] {"\\", "ab\\x4", "\\x4G", "\\y00", "é"}) {
            BasaltException e = assertThrows(BasaltException.class, () -> Blobs.fromText(text), text);
            assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code());
        }
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, assertThrows(BasaltException.class, () -> Blobs.fromHex("4G", "x")).code());
    }

    @Test
    void hexAndOrder()
    {
        assertEquals("00FF41", Blobs.toHex(new byte[] {0, (byte) 0xFF, 'A'}));
        assertArrayEquals(new byte[] {0x04, 0x14}, Blobs.fromHex("414", "x"));
        assertTrue(Blobs.compare(new byte[0], new byte[] {0}) < 0);
        assertTrue(Blobs.compare(new byte[] {0}, new byte[] {0, 0}) < 0);
        assertTrue(Blobs.compare(new byte[] {0x7F}, new byte[] {(byte) 0x80}) < 0);
        assertEquals(0, Blobs.compare(new byte[] {1, 2}, new byte[] {1, 2}));
    }

    @Test
    void valuesReadAndWriteByteArrays()
    {
        try (RootAllocator allocator = new RootAllocator(); FieldVector vector = DataTypes.BLOB.toField("b", true).createVector(allocator)) {
            vector.allocateNew();
            Values.write(vector, DataTypes.BLOB, 0, new byte[] {1, (byte) 0xFF});
            Values.write(vector, DataTypes.BLOB, 1, null);
            Values.write(vector, DataTypes.BLOB, 2, new byte[0]);
            vector.setValueCount(3);
            assertArrayEquals(new byte[] {1, (byte) 0xFF}, (byte[]) Values.read(vector, DataTypes.BLOB, 0));
            assertNull(Values.read(vector, DataTypes.BLOB, 1));
            assertArrayEquals(new byte[0], (byte[]) Values.read(vector, DataTypes.BLOB, 2));
            assertEquals(DataTypes.BLOB, dev.basalt.spi.type.DataType.fromField(vector.getField()));
        }
    }
}
