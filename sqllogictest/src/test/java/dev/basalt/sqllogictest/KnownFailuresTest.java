package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownFailuresTest
{
    @Test
    void parsesMergesAndRenders()
    {
        KnownFailures known = KnownFailures.parse("""
                # comment
                select1.test:120 query failed: boom
                select1.test:12 result mismatch
                evidence/in1.test:setup no SET
                """);
        assertTrue(known.contains("select1.test:12"));
        assertFalse(known.contains("select1.test:13"));
        assertEquals(List.of("select1.test:120", "select1.test:12"), known.keysOf("select1.test"));
        KnownFailures merged = known.replaceFiles(Set.of("select1.test"), Map.of("select1.test:7", "new"));
        assertFalse(merged.contains("select1.test:120"));
        assertTrue(merged.contains("evidence/in1.test:setup"));
        String rendered = merged.render();
        assertTrue(rendered.endsWith("evidence/in1.test:setup no SET\nselect1.test:7 new\n"), rendered);
        assertEquals(2, KnownFailures.parse(rendered).size());
    }

    @Test
    void explanationSurvivesRegeneration()
    {
        KnownFailures known = KnownFailures.parse("a.test:5 result mismatch -- SQLite keeps the integer\na.test:9 old message\n");
        KnownFailures merged = known.replaceFiles(Set.of("a.test"), Map.of("a.test:5", "result mismatch (1 rows)", "a.test:9", "new message"));
        String rendered = merged.render();
        assertTrue(rendered.contains("a.test:5 result mismatch (1 rows) -- SQLite keeps the integer\n"), rendered);
        assertTrue(rendered.contains("a.test:9 new message\n"), rendered);
    }
}
