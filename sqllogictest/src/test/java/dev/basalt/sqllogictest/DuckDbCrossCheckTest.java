package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Author's tool, off by default: runs the project's .slt files on DuckDB (engine name {@code duckdb}, so records
 * guarded {@code skipif duckdb} - deliberate differences such as errors where DuckDB returns NULL - are left out).
 * Error records only check that DuckDB fails too, since its SQLSTATEs and messages differ.
 * {@code bin/mvn -o -pl sqllogictest test -Dtest=DuckDbCrossCheckTest -Dslt.duckdb=true [-Dslt.file=types]}
 * ({@code -Dslt.duckdb=corpus -Dslt.file=select1}: the SQLite corpus on DuckDB, to check the runner;
 * {@code -Dslt.complete=true} fills in the expected results of the selected project files from DuckDB).
 */
class DuckDbCrossCheckTest
{
    /**
     * The SQLite corpus on DuckDB ({@code -Dslt.duckdb=corpus}): checks the runner itself (hashing, formatting,
     * sorting) against an engine that passes nearly all of it.
     */
    @TestFactory
    @EnabledIfSystemProperty(named = "slt.duckdb", matches = "corpus")
    Stream<DynamicNode> corpusOnDuckDb()
    {
        Path dir = SltSettings.corpusDir();
        Assumptions.assumeTrue(dir != null, "corpus not found");
        List<DynamicNode> files = new ArrayList<>();
        for (String name : SltSettings.listFiles(dir, ".test")) {
            if (SltSettings.selected(name)) {
                files.add(SltDynamicTests.fileContainer(name, dir.resolve(name), "duckdb", DuckDbConnection::new,
                        SltSettings.CORPUS_SETUP, false, new StrictPolicy(dir, false)));
            }
        }
        return files.stream();
    }

    @TestFactory
    @EnabledIfSystemProperty(named = "slt.duckdb", matches = "true")
    Stream<DynamicNode> projectFilesOnDuckDb()
    {
        Path dir = SltSettings.projectSltDir();
        List<DynamicNode> files = new ArrayList<>();
        for (String name : SltSettings.listFiles(dir, ".slt")) {
            if (SltSettings.selected(name)) {
                // -Dslt.complete=true writes DuckDB's answers into the file: the reference for new records.
                files.add(SltDynamicTests.fileContainer(name, dir.resolve(name), "duckdb", DuckDbConnection::new, List.of(),
                        false, new StrictPolicy(dir, SltSettings.complete())));
            }
        }
        return files.stream();
    }
}
