package dev.basalt.planner.physical;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Compares text with a golden test resource; {@code -Dbasalt.updateGolden=true} rewrites the resource instead. */
final class GoldenFiles
{
    private GoldenFiles() {}

    static void assertMatches(String resource, String actual, String name)
            throws IOException
    {
        if (Boolean.getBoolean("basalt.updateGolden")) {
            Path file = Path.of("src/test/resources", resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing golden file " + resource + " (run with -Dbasalt.updateGolden=true)");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, "EXPLAIN of " + name + " changed");
        }
    }
}
