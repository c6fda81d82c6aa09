package dev.basalt.sqllogictest;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** SQLite's random/ corpus (about 200k records): opt-in, {@code bin/mvn -o -Pslow -pl sqllogictest test}. */
@Tag("slow")
class RandomCorpusSltTest
{
    @TestFactory
    Stream<DynamicNode> randomCorpus()
    {
        return CorpusSltTest.corpusFiles(true);
    }
}
