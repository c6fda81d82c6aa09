package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * SQLite's corpus, default part: select1-5 and evidence/. Failures listed in known-failures.txt do not fail the
 * build; the per-file accounting goes to target/slt-report.txt.
 */
class CorpusSltTest
{
    @TestFactory
    Stream<DynamicNode> corpus()
    {
        return corpusFiles(false);
    }

    static Stream<DynamicNode> corpusFiles(boolean random)
    {
        Path dir = SltSettings.corpusDir();
        Assumptions.assumeTrue(dir != null, "sqllogictest corpus not found (set -Dbasalt.shared or put it at ../shared/corpus): skipped");
        List<DynamicNode> files = new ArrayList<>();
        for (String name : SltSettings.listFiles(dir, ".test")) {
            boolean isRandom = name.startsWith("random/");
            boolean inDefault = name.startsWith("select") || name.startsWith("evidence/");
            if ((random ? isRandom : inDefault) && SltSettings.selected(name)) {
                files.add(SltDynamicTests.fileContainer(name, dir.resolve(name), SltSettings.ENGINE,
                        BasaltConnection::inMemory, SltSettings.CORPUS_SETUP, true, new CorpusPolicy()));
            }
        }
        return files.stream();
    }
}
