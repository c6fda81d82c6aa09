package dev.basalt.engine.memory;

import dev.basalt.spi.error.BasaltException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemorySizeTest
{
    @Test
    void parsesDecimalAndBinaryUnits()
    {
        assertEquals(2_000_000_000L, MemorySize.parse("2GB"));
        assertEquals(1L << 30, MemorySize.parse("1 GiB"));
        assertEquals(512L << 20, MemorySize.parse("512MiB"));
        assertEquals(1_500_000L, MemorySize.parse("1.5mb"));
        assertEquals(4096L, MemorySize.parse("4096"));
        for (String bad : new String[] {"", "GB", "-1GB", "0", "1 XB", "1.2.3GB"}) {
            assertEquals("22023", assertThrows(BasaltException.class, () -> MemorySize.parse(bad), bad).sqlState());
        }
    }

    @Test
    void formatsForMessages()
    {
        assertEquals("512 bytes", MemorySize.format(512));
        assertEquals("64.0 MiB", MemorySize.format(64L << 20));
    }
}
