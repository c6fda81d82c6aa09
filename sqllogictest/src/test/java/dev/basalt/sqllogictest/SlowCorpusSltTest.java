package dev.basalt.sqllogictest;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * The opt-in part of SQLite's corpus: random/ (about 200k records) and {@link CorpusSltTest#SLOW_FILES}.
 * {@code bin/mvn -o -Pslow -pl sqllogictest test}.
 */
@Tag("slow")
class SlowCorpusSltTest
{
    @TestFactory
    Stream<DynamicNode> slowCorpus()
    {
        return CorpusSltTest.corpusFiles(true);
    }
}
