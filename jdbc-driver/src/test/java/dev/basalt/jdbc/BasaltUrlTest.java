package dev.basalt.jdbc;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasaltUrlTest
{
    @Test
    void privateInMemory()
    {
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt:");
        assertTrue(url.isInMemory());
        assertTrue(url.isPrivate());
        assertTrue(BasaltUrl.parse("jdbc:basalt:memory:").isPrivate());
    }

    @Test
    void namedInMemory()
    {
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt:memory:sales");
        assertTrue(url.isInMemory());
        assertFalse(url.isPrivate());
        assertEquals("sales", url.name().orElseThrow());
    }

    @Test
    void directory()
    {
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt:/data/my db");
        assertFalse(url.isInMemory());
        assertEquals(Path.of("/data/my db"), url.path().orElseThrow());
        assertEquals(Path.of("relative/db"), BasaltUrl.parse("jdbc:basalt:relative/db").path().orElseThrow());
    }

    @Test
    void homeDirectory()
    {
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt:~/dbs/x");
        assertEquals(Path.of(System.getProperty("user.home"), "dbs", "x"), url.path().orElseThrow());
    }

    @Test
    void settings()
    {
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt:/tmp/db?memory_limit=2GB&query_memory_limit=512MB");
        assertEquals(Path.of("/tmp/db"), url.path().orElseThrow());
        assertEquals(Map.of("memory_limit", "2GB", "query_memory_limit", "512MB"), url.settings());
        ConnectionSettings settings = ConnectionSettings.from(url, new Properties());
        assertEquals(2_000_000_000L, settings.toOptions().memoryLimitBytes());
        assertEquals(512_000_000L, settings.toOptions().queryMemoryLimitBytes());
    }

    @Test
    void propertiesAndUrlPrecedence()
    {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", "1GiB");
        properties.setProperty("query_memory_limit", "4GiB");
        properties.setProperty("user", "ignored");
        ConnectionSettings settings = ConnectionSettings.from(BasaltUrl.parse("jdbc:basalt:"), properties);
        assertEquals(1L << 30, settings.toOptions().memoryLimitBytes());
        // a query can never hold more than the whole database
        assertEquals(1L << 30, settings.toOptions().queryMemoryLimitBytes());

        ConnectionSettings urlWins = ConnectionSettings.from(BasaltUrl.parse("jdbc:basalt:?memory_limit=100MB"), properties);
        assertEquals(100_000_000L, urlWins.toOptions().memoryLimitBytes());
    }

    @Test
    void badUrls()
    {
        assertFalse(BasaltUrl.accepts("jdbc:duckdb:"));
        assertFalse(BasaltUrl.accepts(null));
        assertThrows(IllegalArgumentException.class, () -> BasaltUrl.parse("jdbc:postgresql://x"));
        assertThrows(IllegalArgumentException.class, () -> BasaltUrl.parse("jdbc:basalt:/x?novalue"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.from(BasaltUrl.parse("jdbc:basalt:/x?memory_limt=1GB"), new Properties()));
        assertTrue(unknown.getMessage().contains("memory_limt"), unknown.getMessage());
        IllegalArgumentException badSize = assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.from(BasaltUrl.parse("jdbc:basalt:?memory_limit=lots"), new Properties()));
        assertTrue(badSize.getMessage().contains("memory_limit"), badSize.getMessage());
    }

    @Test
    void memorySizes()
    {
        assertEquals(1024, MemorySize.parse("1024"));
        assertEquals(1024, MemorySize.parse("1KiB"));
        assertEquals(1000, MemorySize.parse("1kb"));
        assertEquals(1_500_000_000L, MemorySize.parse("1.5GB"));
        assertEquals(3L << 40, MemorySize.parse(" 3 TiB "));
        assertThrows(IllegalArgumentException.class, () -> MemorySize.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> MemorySize.parse("12XB"));
        assertThrows(IllegalArgumentException.class, () -> MemorySize.parse("-1GB"));
    }

    @Test
    void canonicalPathsOfMissingDirectories(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception
    {
        Path real = dir.resolve("real");
        java.nio.file.Files.createDirectories(real);
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), real);
        // the database directory does not exist yet: the existing ancestor is resolved, the rest appended
        assertEquals(DatabaseRegistry.canonical(real.resolve("db")), DatabaseRegistry.canonical(link.resolve("db")));
        assertEquals(DatabaseRegistry.canonical(real.resolve("db")), DatabaseRegistry.canonical(real.resolve("x/../db")));
    }
}
