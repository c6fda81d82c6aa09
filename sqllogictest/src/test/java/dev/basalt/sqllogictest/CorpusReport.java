package dev.basalt.sqllogictest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass/fail accounting of the corpus run, shared by all corpus test classes of the JVM. After every file it prints
 * the file's summary line and rewrites {@code target/slt-report.txt} (and, with {@code -Dslt.updateKnownFailures},
 * the known-failures list), so a run that dies midway still leaves its results.
 */
final class CorpusReport
{
    static final class FileStats
    {
        int records;
        int passed;
        int failed;
        int knownFailed;
        int skipped;
        int halted;
        final Map<String, String> failures = new LinkedHashMap<>();
        final List<String> newFailures = new ArrayList<>();
        final List<String> fixed = new ArrayList<>();
        /** Every key judged in this run, to find listed keys that are no record at all any more. */
        final Set<String> judged = new HashSet<>();

        String summary(String file)
        {
            StringBuilder out = new StringBuilder();
            out.append(file).append(": ").append(records).append(" records, ").append(passed).append(" passed, ")
                    .append(failed).append(" failed");
            if (failed > 0 || !fixed.isEmpty()) {
                out.append(" (").append(knownFailed).append(" known, ").append(newFailures.size()).append(" new");
                out.append(fixed.isEmpty() ? "" : ", " + fixed.size() + " fixed").append(')');
            }
            if (skipped > 0 || halted > 0) {
                out.append("; not run here: ").append(skipped).append(" skipif/onlyif");
                if (halted > 0) {
                    out.append(", ").append(halted).append(" after halt");
                }
            }
            return out.toString();
        }
    }

    private static final CorpusReport INSTANCE = new CorpusReport();

    private final Map<String, FileStats> files = new LinkedHashMap<>();
    private KnownFailures knownFailures;

    static CorpusReport get()
    {
        return INSTANCE;
    }

    synchronized KnownFailures knownFailures()
    {
        if (knownFailures == null) {
            knownFailures = KnownFailures.load(SltSettings.knownFailuresFile());
        }
        return knownFailures;
    }

    synchronized FileStats start(String file, SltFile.Plan plan)
    {
        FileStats stats = new FileStats();
        stats.skipped = plan.skipped();
        stats.halted = plan.halted();
        files.put(file, stats);
        return stats;
    }

    synchronized void finish(String file)
    {
        FileStats stats = files.get(file);
        for (String key : knownFailures().keysOf(file)) {
            if (!stats.judged.contains(key)) {
                // Listed but not a record that ran (line moved, or now skipped): as good as fixed.
                stats.fixed.add(key);
            }
        }
        System.out.println("[slt] " + stats.summary(file));
        for (String key : stats.newFailures) {
            System.out.println("[slt]   NEW FAILURE " + key + " " + stats.failures.get(key));
        }
        for (String key : stats.fixed) {
            System.out.println("[slt]   fixed, remove from list: " + key);
        }
        writeReport();
        if (SltSettings.updateKnownFailures()) {
            Map<String, String> failures = new LinkedHashMap<>();
            for (Map.Entry<String, FileStats> entry : files.entrySet()) {
                failures.putAll(entry.getValue().failures);
            }
            knownFailures().replaceFiles(files.keySet(), failures).write(SltSettings.knownFailuresFile());
        }
    }

    private void writeReport()
    {
        StringBuilder out = new StringBuilder("# sqllogictest corpus report, ").append(Instant.now()).append('\n');
        int records = 0;
        int passed = 0;
        int failed = 0;
        List<String> newFailures = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (Map.Entry<String, FileStats> entry : files.entrySet()) {
            FileStats stats = entry.getValue();
            out.append(stats.summary(entry.getKey())).append('\n');
            records += stats.records;
            passed += stats.passed;
            failed += stats.failed;
            for (String key : stats.newFailures) {
                newFailures.add(key + " " + stats.failures.get(key));
            }
            fixed.addAll(stats.fixed);
        }
        out.append("TOTAL: ").append(records).append(" records, ").append(passed).append(" passed, ").append(failed)
                .append(" failed\n");
        out.append("\n# new failures (not in known-failures.txt): ").append(newFailures.size()).append('\n');
        for (String line : newFailures) {
            out.append(line).append('\n');
        }
        out.append("\n# fixed, remove from known-failures.txt: ").append(fixed.size()).append('\n');
        for (String key : fixed) {
            out.append(key).append('\n');
        }
        out.append("\n# all failures\n");
        for (FileStats stats : files.values()) {
            for (Map.Entry<String, String> failure : stats.failures.entrySet()) {
                out.append(failure.getKey()).append(' ').append(failure.getValue()).append('\n');
            }
        }
        Path path = SltSettings.reportFile();
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, out.toString(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
