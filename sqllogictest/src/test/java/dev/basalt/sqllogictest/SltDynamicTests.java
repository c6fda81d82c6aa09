package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns a sqllogictest file into a container of dynamic tests: {@code name:setup} (fresh connection + setup
 * statements), one {@code name:LINE} per record that runs on this engine, and {@code name:end} (close, leak check).
 * Records run in order on the file's connection as JUnit executes the tests.
 */
final class SltDynamicTests
{
    private SltDynamicTests() {}

    static DynamicContainer fileContainer(String name, Path path, String engine, Supplier<SltConnection> connections,
            List<String> setup, boolean checkErrorDetails, RecordPolicy policy)
    {
        // Parsing and opening happen only when JUnit expands the container, so unselected files cost nothing.
        Stream<DynamicNode> children = Stream.of(path).flatMap(p -> {
            SltFile file = SltParser.parse(name, read(p));
            SltFile.Plan plan = file.plan(engine);
            SltFileRun run = new SltFileRun(file, connections, setup, SltSettings.timeout(), checkErrorDetails);
            policy.fileStarted(file, plan);
            List<DynamicNode> tests = new ArrayList<>(plan.steps().size() + 2);
            tests.add(DynamicTest.dynamicTest(name + ":setup", source(p, 1),
                    verdict(() -> policy.judge(file, "setup", null, run.open()))));
            for (SltFile.Step step : plan.steps()) {
                int line = step.record().line();
                tests.add(DynamicTest.dynamicTest(name + ":" + line, source(p, line),
                        verdict(() -> policy.judge(file, Integer.toString(line), step, run.run(step)))));
            }
            tests.add(DynamicTest.dynamicTest(name + ":end", source(p, 1), verdict(() -> {
                RecordResult result = run.finish();
                RecordPolicy.Verdict verdict = policy.judge(file, "end", null, result);
                policy.fileFinished(file);
                return verdict;
            })));
            return tests.stream();
        });
        return DynamicContainer.dynamicContainer(name, source(path, 1), children);
    }

    private static Executable verdict(Supplier<RecordPolicy.Verdict> judged)
    {
        return () -> {
            switch (judged.get()) {
                case RecordPolicy.Verdict.Pass pass -> { }
                case RecordPolicy.Verdict.Abort abort -> Assumptions.abort(abort.message());
                case RecordPolicy.Verdict.Fail fail -> Assertions.fail(fail.message());
            }
        };
    }

    private static URI source(Path path, int line)
    {
        return URI.create(path.toUri() + "?line=" + line);
    }

    static String read(Path path)
    {
        try {
            // Decoding with replacement: a stray non-UTF-8 byte in a corpus file must not stop the whole file.
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
