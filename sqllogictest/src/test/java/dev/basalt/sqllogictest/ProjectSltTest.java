package dev.basalt.sqllogictest;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The project's own .slt files (src/test/resources/slt): every record must pass on a fresh in-memory database. */
class ProjectSltTest
{
    @TestFactory
    Stream<DynamicNode> projectFiles()
    {
        Path dir = SltSettings.projectSltDir();
        List<String> all = SltSettings.listFiles(dir, ".slt");
        assertFalse(all.isEmpty(), "no .slt files in " + dir);
        StrictPolicy policy = new StrictPolicy(dir, SltSettings.complete());
        List<DynamicNode> files = new ArrayList<>();
        for (String name : all) {
            if (SltSettings.selected(name)) {
                files.add(SltDynamicTests.fileContainer(name, dir.resolve(name), SltSettings.ENGINE,
                        BasaltConnection::inMemory, List.of(), true, policy));
            }
        }
        return files.stream();
    }
}
