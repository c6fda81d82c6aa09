package dev.basalt.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared TPC-H corpus (system property basalt.shared, else ../shared). */
final class TpchTestData
{
    private TpchTestData() {}

    static Path corpus()
    {
        String shared = System.getProperty("basalt.shared");
        Path root = shared != null ? Path.of(shared) : Path.of("..", "shared");
        Path corpus = root.resolve("corpus");
        if (!Files.isDirectory(corpus.resolve("tpch")) && shared == null) {
            // run from the module directory: the repository root is one level up
            corpus = Path.of("..", "..", "shared", "corpus");
        }
        return corpus.toAbsolutePath().normalize();
    }

    static Path query(int number)
    {
        return corpus().resolve("tpch/queries/q%02d.sql".formatted(number));
    }

    static Path answer(String scaleFactor, int number)
    {
        return corpus().resolve("tpch/answers-iotpch/sf%s/q%02d.csv".formatted(scaleFactor, number));
    }
}
