package dev.basalt.sqllogictest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's own .slt files: every record must pass. In completion mode ({@code -Dslt.complete=true}) query
 * results are written back into the file instead of being compared; statements and errors still must pass.
 */
final class StrictPolicy implements RecordPolicy
{
    private final Path directory;
    private final boolean complete;
    private final Map<QueryRecord, List<String>> blocks = new LinkedHashMap<>();

    StrictPolicy(Path directory, boolean complete)
    {
        this.directory = directory;
        this.complete = complete;
    }

    @Override
    public void fileStarted(SltFile file, SltFile.Plan plan)
    {
        blocks.clear();
    }

    @Override
    public Verdict judge(SltFile file, String line, SltFile.Step step, RecordResult result)
    {
        if (complete && step != null && step.record() instanceof QueryRecord query && query.error() == null
                && result.completedBlock() != null) {
            blocks.put(query, result.completedBlock());
            return new Verdict.Pass();
        }
        return result.isPassed() ? new Verdict.Pass() : new Verdict.Fail(result.message());
    }

    @Override
    public void fileFinished(SltFile file)
    {
        if (!complete || blocks.isEmpty()) {
            return;
        }
        Path path = directory.resolve(file.name());
        String text = SltCompleter.complete(file, blocks);
        try {
            if (!text.equals(Files.readString(path, StandardCharsets.UTF_8))) {
                Files.writeString(path, text, StandardCharsets.UTF_8);
                System.out.println("slt.complete: rewrote " + path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
